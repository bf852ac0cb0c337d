package io.citybrain.platform.gov;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Ancestry by materialised path, without a database. */
class JurisdictionTest {
  private static Jurisdiction j(String id, String path, JurisdictionLevel level, String parent) {
    return new Jurisdiction(id, path, level, Optional.ofNullable(parent), id, Instant.EPOCH, "test");
  }

  @Test
  void aPathContainsItselfAndWhatIsBelowItButNotAPrefixSibling() {
    assertThat(Jurisdiction.pathContains("CN/36", "CN/36")).isTrue();
    assertThat(Jurisdiction.pathContains("CN/36", "CN/36/3601/360102")).isTrue();
    // a string prefix is not an ancestor: 361 is not below 36
    assertThat(Jurisdiction.pathContains("CN/36", "CN/361")).isFalse();
    assertThat(Jurisdiction.pathContains("CN/36/3601", "CN/36")).isFalse();
    assertThat(Jurisdiction.pathContains("CN/36/3601/360102", "CN/36/3601/360103")).isFalse();
  }

  @Test
  void theTreeAnswersAncestrySubtreesAndChildren() {
    JurisdictionTree tree =
        new JurisdictionTree(
            List.of(
                j("360103", "CN/36/3601/360103", JurisdictionLevel.DISTRICT, "3601"),
                j("CN", "CN", JurisdictionLevel.NATION, null),
                j("361", "CN/361", JurisdictionLevel.PROVINCE, "CN"),
                j("3601", "CN/36/3601", JurisdictionLevel.CITY, "36"),
                j("36", "CN/36", JurisdictionLevel.PROVINCE, "CN"),
                j("360102", "CN/36/3601/360102", JurisdictionLevel.DISTRICT, "3601")));
    assertThat(tree.all()).extracting(Jurisdiction::id).containsExactly("CN", "36", "3601", "360102", "360103", "361");
    assertThat(tree.subtree("36")).extracting(Jurisdiction::id).containsExactly("36", "3601", "360102", "360103");
    assertThat(tree.children("3601")).extracting(Jurisdiction::id).containsExactly("360102", "360103");
    assertThat(tree.ancestors("360102")).extracting(Jurisdiction::id).containsExactly("CN", "36", "3601");
    assertThat(tree.contains("CN", "360103")).isTrue();
    assertThat(tree.contains("360102", "360103")).as("siblings").isFalse();
    assertThat(tree.contains("36", "361")).isFalse();
    assertThat(tree.contains("36", "nowhere")).isFalse();
    assertThat(tree.subtree("nowhere")).isEmpty();
  }

  @Test
  void levelsChainFromNationToDistrict() {
    assertThat(JurisdictionLevel.NATION.parentLevel()).isEmpty();
    assertThat(JurisdictionLevel.DISTRICT.parentLevel()).contains(JurisdictionLevel.CITY);
    assertThat(JurisdictionLevel.DISTRICT.childLevel()).isEmpty();
    assertThat(JurisdictionLevel.parse("city")).contains(JurisdictionLevel.CITY);
    assertThat(JurisdictionLevel.parse("City")).isEmpty();
  }
}
