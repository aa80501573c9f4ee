using RulesEngine.Models;
using Scoring.Bench.Generation;

namespace Scoring.Bench.Peers;

/// <summary>
/// The workload in Microsoft RulesEngine 6.0.1, as the README measured it: one workflow of 60 rules, each with the
/// expression "true" and an OutputExpression action that computes the criterion's points from the unit.
/// </summary>
public sealed class RulesEnginePeer
{
    private const string WorkflowName = "workload-60";
    private readonly RulesEngine.RulesEngine _engine;

    public RulesEnginePeer(Workload workload)
    {
        var rules = PeerExpressions.Of(workload).Select(c => new Rule
        {
            RuleName = c.Id,
            Expression = "true",
            Actions = new RuleActions
            {
                OnSuccess = new ActionInfo
                {
                    Name = "OutputExpression",
                    Context = new Dictionary<string, object> { ["Expression"] = c.Expression },
                },
            },
        }).ToList();
        _engine = new RulesEngine.RulesEngine([new Workflow { WorkflowName = WorkflowName, Rules = rules }], new ReSettings());
    }

    /// <summary>Scores every unit; the points land in <paramref name="points"/> (unit × 60).</summary>
    public void Score(WorkloadUnit[] units, double[] points)
    {
        for (var u = 0; u < units.Length; u++)
        {
            var results = _engine.ExecuteAllRulesAsync(WorkflowName, new RuleParameter("u", units[u])).GetAwaiter().GetResult();
            for (var c = 0; c < results.Count; c++)
            {
                var result = results[c];
                if (result.ActionResult?.Exception is { } error)
                {
                    throw new InvalidOperationException($"RulesEngine failed on {result.Rule.RuleName}: {error.Message}", error);
                }
                points[u * WorkloadUnit.Criteria + c] = Convert.ToDouble(result.ActionResult!.Output, System.Globalization.CultureInfo.InvariantCulture);
            }
        }
    }
}
