using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Scoring.Rules.Expressions;

/// <summary>Names a C# construct in plain (Vietnamese) words for "X không được dùng" messages.</summary>
internal static class SyntaxDescriptions
{
    public static string Describe(SyntaxNode node) => node.Kind() switch
    {
        SyntaxKind.StringLiteralExpression or SyntaxKind.Utf8StringLiteralExpression
            or SyntaxKind.InterpolatedStringExpression => "Văn bản (chuỗi)",
        SyntaxKind.CharacterLiteralExpression => "Ký tự trong dấu nháy đơn",
        SyntaxKind.NullLiteralExpression => "null",
        SyntaxKind.DefaultLiteralExpression or SyntaxKind.DefaultExpression => "'default'",
        SyntaxKind.TypeOfExpression => "'typeof'",
        SyntaxKind.SizeOfExpression => "'sizeof'",
        SyntaxKind.CheckedExpression or SyntaxKind.UncheckedExpression => "'checked'/'unchecked'",
        SyntaxKind.ObjectCreationExpression or SyntaxKind.ImplicitObjectCreationExpression => "Tạo đối tượng bằng 'new'",
        SyntaxKind.AnonymousObjectCreationExpression => "Đối tượng ẩn danh ('new { ... }')",
        SyntaxKind.ArrayCreationExpression or SyntaxKind.ImplicitArrayCreationExpression
            or SyntaxKind.StackAllocArrayCreationExpression or SyntaxKind.ImplicitStackAllocArrayCreationExpression
            or SyntaxKind.CollectionExpression => "Tạo mảng hoặc tập hợp",
        SyntaxKind.SimpleLambdaExpression or SyntaxKind.ParenthesizedLambdaExpression => "Hàm lambda ('=>')",
        SyntaxKind.AnonymousMethodExpression => "Phương thức ẩn danh ('delegate')",
        SyntaxKind.CastExpression => "Ép kiểu",
        SyntaxKind.ElementAccessExpression or SyntaxKind.ElementBindingExpression => "Truy cập theo chỉ mục ('x[...]')",
        SyntaxKind.ConditionalAccessExpression => "Toán tử '?.'",
        SyntaxKind.SimpleAssignmentExpression or SyntaxKind.AddAssignmentExpression or SyntaxKind.SubtractAssignmentExpression
            or SyntaxKind.MultiplyAssignmentExpression or SyntaxKind.DivideAssignmentExpression
            or SyntaxKind.ModuloAssignmentExpression or SyntaxKind.AndAssignmentExpression
            or SyntaxKind.OrAssignmentExpression or SyntaxKind.ExclusiveOrAssignmentExpression
            or SyntaxKind.LeftShiftAssignmentExpression or SyntaxKind.RightShiftAssignmentExpression
            or SyntaxKind.UnsignedRightShiftAssignmentExpression
            or SyntaxKind.CoalesceAssignmentExpression => "Phép gán",
        SyntaxKind.PostIncrementExpression or SyntaxKind.PostDecrementExpression
            or SyntaxKind.PreIncrementExpression or SyntaxKind.PreDecrementExpression => "'++'/'--'",
        SyntaxKind.IsPatternExpression => "So khớp mẫu ('is')",
        SyntaxKind.SwitchExpression => "Biểu thức 'switch'",
        SyntaxKind.AwaitExpression => "'await'",
        SyntaxKind.ThrowExpression => "'throw'",
        SyntaxKind.RefExpression => "'ref'",
        SyntaxKind.QueryExpression => "Biểu thức truy vấn ('from ... select')",
        SyntaxKind.TupleExpression => "Bộ giá trị (tuple)",
        SyntaxKind.RangeExpression => "Khoảng ('..')",
        SyntaxKind.IndexExpression => "Chỉ mục tính từ cuối ('^')",
        SyntaxKind.WithExpression => "Biểu thức 'with'",
        SyntaxKind.ThisExpression => "'this'",
        SyntaxKind.BaseExpression => "'base'",
        SyntaxKind.ArgListExpression => "'__arglist'",
        SyntaxKind.MakeRefExpression or SyntaxKind.RefTypeExpression or SyntaxKind.RefValueExpression => "'__makeref'/'__reftype'/'__refvalue'",
        SyntaxKind.DeclarationExpression => "Khai báo biến",
        SyntaxKind.PointerIndirectionExpression or SyntaxKind.AddressOfExpression
            or SyntaxKind.PointerMemberAccessExpression => "Con trỏ",
        SyntaxKind.SuppressNullableWarningExpression => "Toán tử '!' bỏ qua kiểm tra null",
        SyntaxKind.PredefinedType or SyntaxKind.GenericName or SyntaxKind.QualifiedName or SyntaxKind.AliasQualifiedName
            or SyntaxKind.ArrayType or SyntaxKind.NullableType or SyntaxKind.PointerType or SyntaxKind.TupleType
            or SyntaxKind.FunctionPointerType or SyntaxKind.RefType => "Tên kiểu",
        SyntaxKind.InvocationExpression => "Lời gọi này",
        SyntaxKind.ParenthesizedExpression => "Biểu thức trong ngoặc ở vị trí này",
        SyntaxKind.NumericLiteralExpression => "Một số ở vị trí này",
        SyntaxKind.TrueLiteralExpression or SyntaxKind.FalseLiteralExpression => "Giá trị true/false ở vị trí này",
        SyntaxKind.IdentifierName => "Tên ở vị trí này",
        SyntaxKind.InterpolatedStringText or SyntaxKind.Interpolation => "Văn bản (chuỗi)",
        // Never Roslyn's own name of the construct (`ParenthesizedExpression`): rule maintainers do not read C# compiler terms.
        _ => "Cách viết này",
    };
}
