package io.citybrain.platform.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The access model on a hand-made tree: CN → 36 (Jiangxi) → 3601 (Nanchang) → 360102, 360103; CN → 37. */
class AccessModelTest {
  private static final TreeJurisdictions TREE = tree();

  private static TreeJurisdictions tree() {
    Map<String, String> parent = new HashMap<>();
    parent.put("CN", null);
    parent.put("36", "CN");
    parent.put("3601", "36");
    parent.put("360102", "3601");
    parent.put("360103", "3601");
    parent.put("37", "CN");
    return new TreeJurisdictions(parent);
  }

  private static AccessGrant grant(Role role, String jurisdiction) {
    return new AccessGrant(1, "p", role, jurisdiction, "test", Instant.EPOCH, Optional.empty(), Optional.empty());
  }

  @Test
  void containmentFollowsTheTreeNotTheIdsText() {
    assertThat(TREE.contains("36", "360102")).isTrue();
    assertThat(TREE.contains("360102", "360102")).isTrue();
    assertThat(TREE.contains("360102", "3601")).isFalse();
    assertThat(TREE.contains("360102", "360103")).isFalse();
    assertThat(TREE.contains("37", "360102")).isFalse();
    assertThat(TREE.contains("CN", "nowhere")).isFalse();
    assertThat(TREE.subtree("3601")).containsExactlyInAnyOrder("3601", "360102", "360103");
    assertThat(TREE.subtree("nowhere")).isEmpty();
  }

  @Test
  void aDistrictOperatorActsInItsDistrictOnly() {
    Caller c = Caller.principal("t", "p", List.of(grant(Role.OPERATOR, "360102")), TREE);
    assertThat(c.may(Permission.OPERATE, "360102")).isTrue();
    assertThat(c.may(Permission.READ, "360102")).isTrue();
    assertThat(c.may(Permission.READ, "360103")).as("sibling").isFalse();
    assertThat(c.may(Permission.READ, "3601")).as("parent").isFalse();
    assertThat(c.may(Permission.AUDIT, "360102")).isFalse();
    assertThat(c.scope(Permission.READ)).isEqualTo(new Caller.Scope(false, java.util.Set.of("360102")));
    assertThat(c.roots(Permission.OPERATE)).containsExactly("360102");
  }

  @Test
  void aProvinceRegulatorSeesEveryDescendantButOperatesNothing() {
    Caller c = Caller.principal("t", "p", List.of(grant(Role.REGULATOR, "36")), TREE);
    for (String j : List.of("36", "3601", "360102", "360103")) {
      assertThat(c.may(Permission.READ, j)).as(j).isTrue();
      assertThat(c.may(Permission.REGULATE, j)).as(j).isTrue();
      assertThat(c.may(Permission.OPERATE, j)).as(j).isFalse();
    }
    assertThat(c.may(Permission.READ, "37")).isFalse();
    assertThat(c.may(Permission.READ, "CN")).isFalse();
  }

  @Test
  void aNationGrantCoversEverythingAndNestedGrantsCollapseToTheirTop() {
    Caller nation = Caller.principal("t", "p", List.of(grant(Role.AUDITOR, "CN")), TREE);
    assertThat(nation.scope(Permission.AUDIT)).isEqualTo(Caller.Scope.ALL);
    Caller two = Caller.principal("t", "p", List.of(grant(Role.OPERATOR, "360102"), grant(Role.OPERATOR, "36"), grant(Role.OPERATOR, "37")), TREE);
    assertThat(two.roots(Permission.OPERATE)).containsExactly("36", "37");
  }

  @Test
  void theLocalConsoleReadsEverythingAndChangesNothingAndThePublicNothing() {
    assertThat(Caller.local().may(Permission.READ, "360102")).isTrue();
    assertThat(Caller.local().may(Permission.OPERATE, "CN")).isFalse();
    assertThat(Caller.anonymous().may(Permission.READ, "CN")).isFalse();
    assertThat(Caller.anonymous().scope(Permission.READ).ids()).isEmpty();
  }

  @Test
  void grantsCountOnlyWithinTheirWindowAndUntilRevoked() {
    Instant t = Instant.parse("2026-01-01T00:00:00Z");
    AccessGrant g = new AccessGrant(1, "p", Role.OPERATOR, "36", "x", t, Optional.of(t.plusSeconds(60)), Optional.empty());
    assertThat(g.activeAt(t.minusMillis(1))).isFalse();
    assertThat(g.activeAt(t)).isTrue();
    assertThat(g.activeAt(t.plusSeconds(60))).as("the end is exclusive").isFalse();
    AccessGrant revoked = new AccessGrant(1, "p", Role.OPERATOR, "36", "x", t, Optional.empty(), Optional.of(t.plusSeconds(1)));
    assertThat(revoked.activeAt(t.plusSeconds(2))).isFalse();
  }

  @Test
  void badTreesAndRolesAreRefusedByName() {
    Map<String, String> orphan = new HashMap<>();
    orphan.put("3601", "36");
    assertThatThrownBy(() -> new TreeJurisdictions(orphan)).hasMessageContaining("'3601' has unknown parent '36'");
    Map<String, String> cycle = new HashMap<>();
    cycle.put("a", "b");
    cycle.put("b", "a");
    assertThatThrownBy(() -> new TreeJurisdictions(cycle)).hasMessageContaining("cycle");
    assertThatThrownBy(() -> Role.parse("mayor")).hasMessageContaining("unknown role 'mayor'")
        .hasMessageContaining("regulator, operator, provider, auditor");
    assertThat(Role.parse(" Operator ")).isEqualTo(Role.OPERATOR);
  }
}
