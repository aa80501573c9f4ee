namespace Scoring.Host.Runs;

/// <summary>
/// The production calculator: hands the frozen inputs to the shared scoring pipeline (Scoring.Engine via the
/// command-line pipeline). Until the engine lands in this build, every run fails with this clear message.
/// </summary>
internal sealed class EngineRunCalculator : IRunCalculator
{
    public Task<RunOutcome> CalculateAsync(string ruleSetJson, RunInputs inputs, IProgress<int> progress, CancellationToken ct) =>
        throw new InvalidOperationException("Bộ máy chấm điểm (Scoring.Engine) chưa có trong bản dựng này; lượt chấm không chạy được.");
}
