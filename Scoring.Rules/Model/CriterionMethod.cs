namespace Scoring.Rules.Model;

/// <summary>
/// How a criterion scores. Every operand named "value", "target" or "condition" is an expression in
/// C# syntax over the rule set's indicators; a bare indicator id or a number is the simplest expression.
/// </summary>
public abstract record CriterionMethod
{
    /// <summary>The method's name as written in JSON ("bands", "target", ...).</summary>
    public abstract string Name { get; }

    /// <summary>True when the method needs the whole group (second pass).</summary>
    public virtual bool NeedsGroup => false;
}
