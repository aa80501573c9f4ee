namespace Scoring.Rules.Expressions;

/// <summary>
/// A rule expression could not produce a value for one unit: division by zero with <c>/</c> or <c>%</c>,
/// or a number outside the range of <see cref="decimal"/>. The message is in Vietnamese, for the unit and the maintainer.
/// </summary>
public sealed class RuleEvaluationException : Exception
{
    public RuleEvaluationException()
    {
    }

    public RuleEvaluationException(string message)
        : base(message)
    {
    }

    public RuleEvaluationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public RuleEvaluationException(string message, string expressionText, Exception? innerException)
        : base(message, innerException)
    {
        ExpressionText = expressionText;
    }

    /// <summary>The expression text that failed, when known.</summary>
    public string? ExpressionText { get; }
}
