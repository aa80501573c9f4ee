using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Scoring.Rules.Expressions;

/// <summary>Names a C# construct in plain words for "X is not allowed" messages.</summary>
internal static class SyntaxDescriptions
{
    public static string Describe(SyntaxNode node) => node.Kind() switch
    {
        SyntaxKind.StringLiteralExpression or SyntaxKind.Utf8StringLiteralExpression
            or SyntaxKind.InterpolatedStringExpression => "Text (a string)",
        SyntaxKind.CharacterLiteralExpression => "A character literal",
        SyntaxKind.NullLiteralExpression => "null",
        SyntaxKind.DefaultLiteralExpression or SyntaxKind.DefaultExpression => "'default'",
        SyntaxKind.TypeOfExpression => "'typeof'",
        SyntaxKind.SizeOfExpression => "'sizeof'",
        SyntaxKind.CheckedExpression or SyntaxKind.UncheckedExpression => "'checked'/'unchecked'",
        SyntaxKind.ObjectCreationExpression or SyntaxKind.ImplicitObjectCreationExpression => "Creating objects with 'new'",
        SyntaxKind.AnonymousObjectCreationExpression => "An anonymous object ('new { ... }')",
        SyntaxKind.ArrayCreationExpression or SyntaxKind.ImplicitArrayCreationExpression
            or SyntaxKind.StackAllocArrayCreationExpression or SyntaxKind.ImplicitStackAllocArrayCreationExpression
            or SyntaxKind.CollectionExpression => "Creating an array or collection",
        SyntaxKind.SimpleLambdaExpression or SyntaxKind.ParenthesizedLambdaExpression => "A lambda ('=>')",
        SyntaxKind.AnonymousMethodExpression => "An anonymous method ('delegate')",
        SyntaxKind.CastExpression => "A type cast",
        SyntaxKind.ElementAccessExpression or SyntaxKind.ElementBindingExpression => "Indexing ('x[...]')",
        SyntaxKind.ConditionalAccessExpression => "The '?.' operator",
        SyntaxKind.SimpleAssignmentExpression or SyntaxKind.AddAssignmentExpression or SyntaxKind.SubtractAssignmentExpression
            or SyntaxKind.MultiplyAssignmentExpression or SyntaxKind.DivideAssignmentExpression
            or SyntaxKind.ModuloAssignmentExpression or SyntaxKind.AndAssignmentExpression
            or SyntaxKind.OrAssignmentExpression or SyntaxKind.ExclusiveOrAssignmentExpression
            or SyntaxKind.LeftShiftAssignmentExpression or SyntaxKind.RightShiftAssignmentExpression
            or SyntaxKind.UnsignedRightShiftAssignmentExpression
            or SyntaxKind.CoalesceAssignmentExpression => "Assignment",
        SyntaxKind.PostIncrementExpression or SyntaxKind.PostDecrementExpression
            or SyntaxKind.PreIncrementExpression or SyntaxKind.PreDecrementExpression => "'++'/'--'",
        SyntaxKind.IsPatternExpression => "Pattern matching ('is')",
        SyntaxKind.SwitchExpression => "A 'switch' expression",
        SyntaxKind.AwaitExpression => "'await'",
        SyntaxKind.ThrowExpression => "'throw'",
        SyntaxKind.RefExpression => "'ref'",
        SyntaxKind.QueryExpression => "A query expression ('from ... select')",
        SyntaxKind.TupleExpression => "A tuple",
        SyntaxKind.RangeExpression => "A range ('..')",
        SyntaxKind.IndexExpression => "An index from the end ('^')",
        SyntaxKind.WithExpression => "A 'with' expression",
        SyntaxKind.ThisExpression => "'this'",
        SyntaxKind.BaseExpression => "'base'",
        SyntaxKind.ArgListExpression => "'__arglist'",
        SyntaxKind.MakeRefExpression or SyntaxKind.RefTypeExpression or SyntaxKind.RefValueExpression => "'__makeref'/'__reftype'/'__refvalue'",
        SyntaxKind.DeclarationExpression => "Declaring a variable",
        SyntaxKind.PointerIndirectionExpression or SyntaxKind.AddressOfExpression
            or SyntaxKind.PointerMemberAccessExpression => "Pointers",
        SyntaxKind.SuppressNullableWarningExpression => "The '!' null-forgiving operator",
        SyntaxKind.PredefinedType or SyntaxKind.GenericName or SyntaxKind.QualifiedName or SyntaxKind.AliasQualifiedName
            or SyntaxKind.ArrayType or SyntaxKind.NullableType or SyntaxKind.PointerType or SyntaxKind.TupleType
            or SyntaxKind.FunctionPointerType or SyntaxKind.RefType => "A type name",
        SyntaxKind.InvocationExpression => "This call",
        var kind => Words(kind.ToString()),
    };

    // "SomeNewKindExpression" -> "Some new kind expression": a readable fallback for constructs added to C# later.
    private static string Words(string pascal)
    {
        var builder = new StringBuilder(pascal.Length + 8);
        foreach (var c in pascal)
        {
            if (char.IsUpper(c) && builder.Length > 0)
            {
                builder.Append(' ').Append(char.ToLowerInvariant(c));
            }
            else
            {
                builder.Append(c);
            }
        }
        return "The construct '" + builder + "'";
    }
}
