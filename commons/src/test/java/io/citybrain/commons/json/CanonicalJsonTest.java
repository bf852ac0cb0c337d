package io.citybrain.commons.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** RFC 8785's own examples: section 3.2.2 (the sample), 3.2.3 (sorting) and Appendix B (numbers). */
class CanonicalJsonTest {

  @Test
  void rfc8785Section322SampleCanonicalizesToTheRfcsOutput() {
    String input =
        "{\n  \"numbers\": [333333333.33333329, 1E30, 4.50,\n              2e-3, 0.000000000000000000000000001],\n"
            + "  \"string\": \"\\u20ac$\\u000F\\u000aA'\\u0042\\u0022\\u005c\\\\\\\"\\/\",\n"
            + "  \"literals\": [null, true, false]\n}";

    assertThat(CanonicalJson.canonicalizeText(input))
        .isEqualTo("{\"literals\":[null,true,false],\"numbers\":[333333333.3333333,1e+30,4.5,0.002,1e-27],"
            + "\"string\":\"\u20ac$\\u000f\\nA'B\\\"\\\\\\\\\\\"/\"}");
  }

  @Test
  void rfc8785Section323SortsMemberNamesByUtf16CodeUnits() {
    String input = "{\n"
        + "  \"\\u20ac\": \"Euro Sign\",\n"
        + "  \"\\r\": \"Carriage Return\",\n"
        + "  \"\\ufb33\": \"Hebrew Letter Dalet With Dagesh\",\n"
        + "  \"1\": \"One\",\n"
        + "  \"\\ud83d\\ude00\": \"Emoji: Grinning Face\",\n"
        + "  \"\\u0080\": \"Control\",\n"
        + "  \"\\u00f6\": \"Latin Small Letter O With Diaeresis\"\n"
        + "}";

    assertThat(CanonicalJson.canonicalizeText(input))
        .isEqualTo("{\"\\r\":\"Carriage Return\",\"1\":\"One\",\"\u0080\":\"Control\","
            + "\"\u00f6\":\"Latin Small Letter O With Diaeresis\",\"\u20ac\":\"Euro Sign\","
            + "\"\ud83d\ude00\":\"Emoji: Grinning Face\",\"\ufb33\":\"Hebrew Letter Dalet With Dagesh\"}");
  }

  /** RFC 8785 Appendix B: IEEE-754 bit patterns and their canonical text. */
  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "0000000000000000, 0",
    "8000000000000000, 0",
    "0000000000000001, 5e-324",
    "8000000000000001, -5e-324",
    "7fefffffffffffff, 1.7976931348623157e+308",
    "ffefffffffffffff, -1.7976931348623157e+308",
    "4340000000000000, 9007199254740992",
    "c340000000000000, -9007199254740992",
    "4430000000000000, 295147905179352830000",
    "44b52d02c7e14af5, 9.999999999999997e+22",
    "44b52d02c7e14af6, 1e+23",
    "44b52d02c7e14af7, 1.0000000000000001e+23",
    "444b1ae4d6e2ef4e, 999999999999999700000",
    "444b1ae4d6e2ef4f, 999999999999999900000",
    "444b1ae4d6e2ef50, 1e+21",
    "3eb0c6f7a0b5ed8c, 9.999999999999997e-7",
    "3eb0c6f7a0b5ed8d, 0.000001",
    "41b3de4355555553, 333333333.3333332",
    "41b3de4355555554, 333333333.33333325",
    "41b3de4355555555, 333333333.3333333",
    "41b3de4355555556, 333333333.3333334",
    "41b3de4355555557, 333333333.33333343",
    "becbf647612f3696, -0.0000033333333333333333",
    "43143ff3c1cb0959, 1424953923781206.2"
  })
  void rfc8785AppendixBNumbers(String ieeeHex, String expected) {
    double value = Double.longBitsToDouble(Long.parseUnsignedLong(ieeeHex, 16));

    assertThat(CanonicalJson.canonicalize(List.of(value))).isEqualTo("[" + expected + "]");
  }

  @ParameterizedTest
  @CsvSource({"7fffffffffffffff", "7ff0000000000000", "fff0000000000000"})
  void rfc8785AppendixBNanAndInfinityAreErrors(String ieeeHex) {
    double value = Double.longBitsToDouble(Long.parseUnsignedLong(ieeeHex, 16));
    Map<String, Object> doc = Map.of("parameters", Map.of("gain", value));

    assertThatThrownBy(() -> CanonicalJson.canonicalize(doc))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("parameters.gain")
        .hasMessageContaining("finite");
  }

  @Test
  void integersBeyondTwoToThe53AreRefusedNotRounded() {
    assertThat(CanonicalJson.canonicalize(List.of(9007199254740992L))).isEqualTo("[9007199254740992]");
    assertThatThrownBy(() -> CanonicalJson.canonicalize(List.of(9007199254740993L)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("[0]")
        .hasMessageContaining("2^53");
  }

  @Test
  void javaValuesAndReorderedTextGiveTheSameBytes() {
    Map<String, Object> a = new LinkedHashMap<>();
    a.put("version", "1.0");
    a.put("name", "max-pressure");
    a.put("parameters", Map.of("minGreenSeconds", 15.0));
    String fromJava = CanonicalJson.canonicalize(a);
    String fromText =
        CanonicalJson.canonicalizeText("{ \"parameters\": {\"minGreenSeconds\": 1.5e1}, \"name\": \"max-pressure\", \"version\": \"1.0\" }");

    assertThat(fromJava)
        .isEqualTo("{\"name\":\"max-pressure\",\"parameters\":{\"minGreenSeconds\":15},\"version\":\"1.0\"}")
        .isEqualTo(fromText);
    assertThat(CanonicalJson.sha256(a)).isEqualTo(io.citybrain.commons.hash.Sha256.hexOfUtf8(fromText));
  }

  @Test
  void duplicateMemberNamesAreRefused() {
    assertThatThrownBy(() -> CanonicalJson.canonicalizeText("{\"a\":1,\"a\":2}"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Duplicate");
  }

  @Test
  void recordsAreSerialisedByTheirComponents() {
    record Code(String className, String sha256) {}

    assertThat(CanonicalJson.canonicalize(new Code("io.citybrain.X", "ab")))
        .isEqualTo("{\"className\":\"io.citybrain.X\",\"sha256\":\"ab\"}");
  }
}
