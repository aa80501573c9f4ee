using System.Text.Json.Nodes;
using Scoring.Host.Tests.Fixtures;

namespace Scoring.Host.Tests.Caching;

/// <summary>The sum calculator, with the calculation's sequence number written into every card, so each run's cards differ.</summary>
internal sealed class StampingCalculator : IRunCalculator
{
    private readonly SumCalculator inner = new();
    private int calculations;

    public async Task<RunOutcome> CalculateAsync(RuleSetVersion ruleSet, RunInputs inputs, IProgress<int> progress, CancellationToken ct)
    {
        var outcome = await inner.CalculateAsync(ruleSet, inputs, progress, ct);
        var stamp = Interlocked.Increment(ref calculations);
        var units = outcome.Units.Select(u =>
        {
            var card = JsonNode.Parse(u.CardJson)!.AsObject();
            card["calculation"] = stamp;
            return u with { CardJson = card.ToJsonString() };
        }).ToList();
        return outcome with { Units = units };
    }
}
