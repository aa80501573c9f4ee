namespace Scoring.Rules.Expressions;

/// <summary>
/// A cheap character scan run before Roslyn, so hostile input (100,000 '(' or a long run of unary operators)
/// is rejected with an error instead of ever reaching a recursive parser.
/// </summary>
internal static class ExpressionNesting
{
    /// <summary>The 0-based offset where nesting first exceeds <paramref name="maxDepth"/>, or -1.</summary>
    public static int FindTooDeep(string text, int maxDepth)
    {
        var brackets = 0;
        var unaryRun = 0;
        var previousIsOperand = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c))
            {
                continue;
            }
            switch (c)
            {
                case '(' or '[' or '{':
                    brackets++;
                    if (brackets > maxDepth)
                    {
                        return i;
                    }
                    previousIsOperand = false;
                    break;
                case ')' or ']' or '}':
                    brackets--;
                    unaryRun = 0;
                    previousIsOperand = true;
                    break;
                case '-' or '+' or '!' or '~' or '^' or '&' or '*' when !previousIsOperand:
                    // A prefix operator: each one is a recursion level in the parser.
                    unaryRun++;
                    if (unaryRun > maxDepth)
                    {
                        return i;
                    }
                    break;
                default:
                    var operand = char.IsLetterOrDigit(c) || c is '_' or '.' or '@' or '"' or '\'';
                    if (operand)
                    {
                        unaryRun = 0;
                    }
                    previousIsOperand = operand;
                    break;
            }
        }
        return -1;
    }
}
