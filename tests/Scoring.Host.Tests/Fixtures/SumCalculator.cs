using System.Globalization;
using System.Text.Json;

namespace Scoring.Host.Tests.Fixtures;

/// <summary>
/// A deterministic stand-in for the engine in orchestration tests: a unit's total is the sum of its numeric values,
/// ranked per group; the top unit of each group gets the award "co-thi-dua". Optional delay per unit, to test progress
/// and a host killed mid-run.
/// </summary>
internal sealed class SumCalculator(TimeSpan delayPerUnit = default) : IRunCalculator
{
    public int Calls { get; private set; }

    public async Task<RunOutcome> CalculateAsync(RuleSetVersion ruleSet, RunInputs inputs, IProgress<int> progress, CancellationToken ct)
    {
        Calls++;
        var units = new List<UnitOutcome>();
        var awards = new List<AwardOutcome>();
        var done = 0;
        foreach (var group in inputs.Groups)
        {
            var scored = new List<(RunInputUnit Unit, decimal Total)>();
            foreach (var unit in inputs.Units.Where(u => group.Members.Contains(u.Code)))
            {
                if (delayPerUnit > TimeSpan.Zero)
                {
                    await Task.Delay(delayPerUnit, ct);
                }

                var total = unit.Values.Values.Sum(v => decimal.TryParse(v, NumberStyles.Number, CultureInfo.InvariantCulture, out var d) ? d : 0m);
                scored.Add((unit, total));
                progress.Report(++done);
            }

            var rank = 0;
            foreach (var (unit, total) in scored.OrderByDescending(s => s.Total).ThenBy(s => s.Unit.Code, StringComparer.Ordinal))
            {
                rank++;
                var award = rank == 1 && !unit.Dissolved ? "co-thi-dua" : null;
                var card = JsonSerializer.Serialize(new { unit = unit.Code, name = unit.Name, total, rank, values = unit.Values, ruleSet = ruleSet.Json.Length });
                units.Add(new UnitOutcome(group.Code, unit.Code, unit.Name, rank, total, total >= 50 ? "xuat-sac" : "kha", award, card));
                if (award is not null)
                {
                    awards.Add(new AwardOutcome(award, "Cờ thi đua", unit.Code, unit.Name, group.Code, rank, total, false, "Dẫn đầu cụm"));
                }
            }
        }

        return new RunOutcome(units, awards, JsonSerializer.Serialize(new { units, awards }));
    }
}
