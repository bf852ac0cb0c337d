package io.citybrain.live.field;

import java.util.Map;

/**
 * What a field run did.
 *
 * @param steps steps simulated
 * @param averageTravelTimeSeconds CityFlow's average travel time (vehicles still in the network
 *     count with their time so far), s
 * @param vehiclesFinished trips completed
 * @param reportsPublished detector reports published
 * @param observationsPublished observations in them (one per lane per report)
 * @param statesPublished signal states published
 * @param commandsReceived commands received
 * @param commandOutcomes commands by outcome
 * @param centralDecisions decisions taken from commands
 * @param localDecisions decisions taken by local plans
 * @param fallbacks times a junction fell back from central control to its local plan
 * @param lateCommands commands that arrived after the step they were for had been simulated
 * @param latencyP50Millis report published → command received for that round, median, ms
 * @param latencyP99Millis the same, 99th percentile, ms
 * @param latencyMaxMillis the same, largest, ms
 * @param wallSeconds wall time of the run, s
 * @param stepsBehindSchedule paced runs: steps that began later than their wall-clock slot
 */
public record FieldSummary(
    long steps,
    double averageTravelTimeSeconds,
    long vehiclesFinished,
    long reportsPublished,
    long observationsPublished,
    long statesPublished,
    long commandsReceived,
    Map<CommandOutcome, Long> commandOutcomes,
    long centralDecisions,
    long localDecisions,
    long fallbacks,
    long lateCommands,
    double latencyP50Millis,
    double latencyP99Millis,
    double latencyMaxMillis,
    double wallSeconds,
    long stepsBehindSchedule) {}
