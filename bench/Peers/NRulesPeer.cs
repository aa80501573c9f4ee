using System.Linq.Dynamic.Core;
using System.Linq.Expressions;
using NRules;
using NRules.RuleModel;
using NRules.RuleModel.Builders;
using Scoring.Bench.Generation;

namespace Scoring.Bench.Peers;

/// <summary>
/// The workload in NRules 1.0.4: 60 rules built with the rule model, each matching every <see cref="WorkloadUnit"/> and
/// writing the criterion's points from its action. A new session per scoring: insert the units, fire.
/// </summary>
public sealed class NRulesPeer
{
    private readonly ISessionFactory _factory;

    public NRulesPeer(Workload workload)
    {
        var rules = PeerExpressions.Of(workload).Select((c, index) => Rule(c.Id, c.Expression, index)).ToList();
        _factory = new RuleCompiler().Compile(rules);
    }

    public void Score(WorkloadUnit[] units, double[] points)
    {
        var session = _factory.CreateSession();
        session.InsertAll(units);
        session.Fire();
        for (var u = 0; u < units.Length; u++)
        {
            Array.Copy(units[u].Points, 0, points, u * WorkloadUnit.Criteria, WorkloadUnit.Criteria);
        }
    }

    private static IRuleDefinition Rule(string id, string expression, int index)
    {
        var builder = new RuleBuilder();
        builder.Name(id);
        var unit = Expression.Parameter(typeof(WorkloadUnit), "u");
        builder.LeftHandSide().Pattern(typeof(WorkloadUnit), "u");
        var formula = DynamicExpressionParser.ParseLambda([unit], typeof(double), expression);
        var context = Expression.Parameter(typeof(IContext), "ctx");
        var action = Expression.Lambda<Action<IContext, WorkloadUnit>>(
            Expression.Assign(
                Expression.ArrayAccess(Expression.Property(unit, nameof(WorkloadUnit.Points)), Expression.Constant(index)),
                formula.Body),
            context,
            unit);
        builder.RightHandSide().Action(action);
        return builder.Build();
    }
}
