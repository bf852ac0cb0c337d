package io.citybrain.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** An argument the command line cannot place is refused with exit code 2, even beside --help. */
class UnknownCommandTest {
  private record Run(int exitCode, String out, String err) {}

  private static Run run(String... args) {
    CommandLine cl = Main.commandLine();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(err));
    int code = cl.execute(args);
    return new Run(code, out.toString(), err.toString());
  }

  @Test
  void unknownCommandWithHelpIsNamedAndExitsTwo() {
    Run r = run("nosuchcommand", "--help");
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.out()).isEmpty();
    assertThat(r.err()).startsWith("error: unknown command 'nosuchcommand' for 'citybrain'; commands: traffic, grid");
  }

  @Test
  void unknownCommandAloneExitsTwo() {
    Run r = run("foo");
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).startsWith("error: unknown command 'foo' for 'citybrain'; commands: traffic, grid");
  }

  @Test
  void unknownSubcommandOfAGroupIsNamed() {
    Run r = run("traffic", "fly", "--help");
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).startsWith("error: unknown command 'fly' for 'citybrain traffic'; commands: ");
  }

  @Test
  void helpOfAnExistingCommandStillWorks() {
    Run r = run("traffic", "--help");
    assertThat(r.exitCode()).isZero();
    assertThat(r.out()).contains("Usage: citybrain traffic");
  }
}
