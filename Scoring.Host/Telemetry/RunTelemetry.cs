using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Scoring.Host.Telemetry;

/// <summary>
/// Traces and metrics of run execution (<see cref="RunExecutor"/>, whichever scheduler calls it): one span per execution,
/// how many executions ended how, how long they took and how many units completed runs scored.
/// </summary>
internal sealed class RunTelemetry
{
    public const string Name = "Scoring.Runs";

    /// <summary>Spans are the standard <see cref="ActivitySource"/> of this name; the tracer provider listens to it.</summary>
    public static readonly ActivitySource Source = new(Name);

    private readonly Counter<long> executions;
    private readonly Histogram<double> duration;
    private readonly Counter<long> units;

    public RunTelemetry(IMeterFactory meters)
    {
        var meter = meters.Create(Name);
        executions = meter.CreateCounter<long>("scoring.runs", "{run}", "Run executions, by how they ended (outcome).");
        duration = meter.CreateHistogram<double>("scoring.run.duration", "s", "Time from picking a run up to its end (outcome).");
        units = meter.CreateCounter<long>("scoring.run.units", "{unit}", "Units scored by runs this host completed.");
    }

    /// <summary>Records one execution: its outcome, elapsed time and, for a completed run, the units it scored.</summary>
    public void Record(RunExecution outcome, TimeSpan elapsed, int scoredUnits)
    {
        var tag = new KeyValuePair<string, object?>("outcome", outcome.Tag());
        executions.Add(1, tag);
        duration.Record(elapsed.TotalSeconds, tag);
        if (outcome == RunExecution.Completed)
        {
            units.Add(scoredUnits);
        }
    }
}
