using System.Collections.Immutable;
using System.Globalization;
using System.Linq.Expressions;
using System.Text;
using Scoring.Rules.Expressions;

namespace Scoring.Host.RulesEngineImport;

/// <summary>
/// Translates a RulesEngine expression (System.Linq.Dynamic.Core syntax over the rule parameters) into the rule sets'
/// whitelisted C# subset (docs/expressions.md): <c>AND</c>/<c>OR</c>/<c>NOT</c> → <c>&amp;&amp;</c>/<c>||</c>/<c>!</c>,
/// <c>=</c> → <c>==</c>, <c>&lt;&gt;</c> → <c>!=</c>, <c>iif</c> → <c>If</c>, <c>Math.Min</c> → <c>Min</c>; a parameter's
/// property (<c>input1.totalOrders</c>) becomes the indicator <c>totalOrders</c> (nested properties are joined in
/// camelCase); scoped parameters are substituted. The result is then checked by the rule sets' own compiler; whatever the
/// whitelist refuses (strings, null, method calls, lambdas…) is reported at its column in the original text.
/// </summary>
internal static class DynamicLinqTranslator
{
    private static readonly Dictionary<string, string> Functions = new(StringComparer.OrdinalIgnoreCase)
    {
        ["iif"] = "If", ["Math.Min"] = "Min", ["Math.Max"] = "Max", ["Math.Abs"] = "Abs", ["Math.Round"] = "Round",
        ["Math.Floor"] = "Floor", ["Math.Ceiling"] = "Ceiling", ["Min"] = "Min", ["Max"] = "Max", ["Abs"] = "Abs",
        ["Round"] = "Round", ["Floor"] = "Floor", ["Ceiling"] = "Ceiling",
    };

    private sealed record Token(string Text, int Column, string? Identifier = null, string? Source = null);

    /// <param name="parameters">Scoped parameters (global, then local) already translated, by name.</param>
    public static TranslatedExpression Translate(string expression, ValueKind expected, IReadOnlyDictionary<string, TranslatedExpression> parameters)
    {
        var refused = new List<(int, string)>();
        var tokens = Lex(expression, refused);
        var uses = new Dictionary<string, IndicatorUse>(StringComparer.Ordinal);
        var output = new StringBuilder();
        var map = new List<(int Start, int Column)>();
        for (var i = 0; i < tokens.Count; i++)
        {
            var token = tokens[i];
            var text = token.Text;
            if (token.Identifier is { } id)
            {
                if (parameters.TryGetValue(id, out var parameter))
                {
                    if (parameter.CSharp is null)
                    {
                        refused.Add((token.Column, $"tham số `{id}` không chuyển được (xem lỗi của tham số đó)"));
                        continue;
                    }
                    foreach (var use in parameter.Indicators)
                    {
                        uses.TryAdd(use.Id, use);
                    }
                    text = $"({parameter.CSharp})";
                }
                else
                {
                    var boolean = UsedAsBoolean(tokens, i);
                    if (uses.TryGetValue(id, out var known) && known.Boolean != boolean)
                    {
                        boolean = known.Boolean || boolean;
                    }
                    uses[id] = new IndicatorUse(id, token.Source ?? id, boolean);
                }
            }
            if (output.Length > 0 && NeedsSpace(output[^1], text[0]))
            {
                output.Append(' ');
            }
            map.Add((output.Length, token.Column));
            output.Append(text);
        }
        if (refused.Count > 0)
        {
            return new TranslatedExpression(null, [.. refused], [.. uses.Values]);
        }
        var csharp = output.ToString();
        var check = RuleExpressionCompiler.Translate(csharp, new Scope(uses), NumericMode.Decimal, expected);
        if (!check.Succeeded)
        {
            return new TranslatedExpression(null, [.. check.Errors.Select(e => (OriginalColumn(map, e.Column), e.Message))], [.. uses.Values]);
        }
        if (check.Kind != expected)
        {
            var what = expected == ValueKind.Boolean ? "một điều kiện (đúng/sai)" : "một số";
            return new TranslatedExpression(null, [(1, $"biểu thức cần là {what}")], [.. uses.Values]);
        }
        return new TranslatedExpression(csharp, [], [.. uses.Values]);
    }

    // An identifier is a true/false indicator when it stands alone between logic operators, follows "!", or is
    // compared with true/false.
    private static bool UsedAsBoolean(List<Token> tokens, int i)
    {
        string? At(int k) => k >= 0 && k < tokens.Count ? tokens[k].Text : null;
        if (At(i + 1) is "==" or "!=" && At(i + 2) is "true" or "false")
        {
            return true;
        }
        if (At(i - 1) is "==" or "!=" && At(i - 2) is "true" or "false")
        {
            return true;
        }
        return At(i - 1) is null or "!" or "&&" or "||" or "(" or "?" or ":" && At(i + 1) is null or "&&" or "||" or ")" or "?";
    }

    private static bool NeedsSpace(char last, char next) => char.IsLetterOrDigit(last) || char.IsLetterOrDigit(next) || last == ')' || next == '(' ? last != '(' && next != ')' && next != ',' : true;

    private static int OriginalColumn(List<(int Start, int Column)> map, int column)
    {
        var at = column - 1;
        var found = map.LastOrDefault(m => m.Start <= at);
        return found == default ? 1 : found.Column;
    }

    private static List<Token> Lex(string text, List<(int, string)> refused)
    {
        var tokens = new List<Token>();
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            var column = i + 1;
            if (char.IsWhiteSpace(c))
            {
                i++;
                continue;
            }
            if (char.IsAsciiDigit(c) || (c == '.' && i + 1 < text.Length && char.IsAsciiDigit(text[i + 1])))
            {
                var start = i;
                while (i < text.Length && (char.IsAsciiDigit(text[i]) || text[i] == '.'))
                {
                    i++;
                }
                if (i < text.Length && text[i] is 'e' or 'E')
                {
                    i++;
                    if (i < text.Length && text[i] is '+' or '-')
                    {
                        i++;
                    }
                    while (i < text.Length && char.IsAsciiDigit(text[i]))
                    {
                        i++;
                    }
                }
                var number = text[start..i];
                if (i < text.Length && text[i] is 'm' or 'M' or 'd' or 'D' or 'f' or 'F')
                {
                    i++; // the subset reads every literal exactly as decimal
                }
                tokens.Add(new Token(number, column));
                continue;
            }
            if (c is '"' or '\'')
            {
                var end = i + 1;
                while (end < text.Length && text[end] != c)
                {
                    end += text[end] == '\\' ? 2 : 1;
                }
                var literal = text[i..Math.Min(end + 1, text.Length)];
                refused.Add((column, $"chuỗi ký tự {literal} không được phép: chỉ số trong bộ tiêu chí là số hoặc đúng/sai; hãy đổi thành một chỉ số đúng/sai (ví dụ `laVietNam`)"));
                i = end + 1;
                tokens.Add(new Token("0", column));
                continue;
            }
            if (char.IsLetter(c) || c == '_' || c == '@')
            {
                var start = i;
                while (i < text.Length && (char.IsLetterOrDigit(text[i]) || text[i] is '_' or '.' or '@'))
                {
                    i++;
                }
                var name = text[start..i].TrimEnd('.');
                i = start + name.Length;
                var call = NextNonSpace(text, i) == '(';
                tokens.Add(Word(name, column, call, refused));
                continue;
            }
            var two = i + 1 < text.Length ? text.Substring(i, 2) : "";
            var op = two switch
            {
                "&&" or "||" or "==" or "!=" or "<=" or ">=" or "??" => two,
                "<>" => "!=",
                "=>" => null,
                _ => null,
            };
            if (op is not null)
            {
                tokens.Add(new Token(op, column));
                i += 2;
                continue;
            }
            if (two == "=>")
            {
                refused.Add((column, "biểu thức lambda (=>) không được phép"));
                i += 2;
                continue;
            }
            var one = c switch
            {
                '=' => "==",
                '<' or '>' or '+' or '-' or '*' or '/' or '%' or '!' or '?' or ':' or '(' or ')' or ',' => c.ToString(),
                _ => null,
            };
            if (one is null)
            {
                refused.Add((column, $"ký tự '{c}' không được phép trong biểu thức"));
            }
            else
            {
                tokens.Add(new Token(one, column));
            }
            i++;
        }
        return tokens;
    }

    private static char? NextNonSpace(string text, int i)
    {
        while (i < text.Length && char.IsWhiteSpace(text[i]))
        {
            i++;
        }
        return i < text.Length ? text[i] : null;
    }

    private static Token Word(string name, int column, bool call, List<(int, string)> refused)
    {
        switch (name.ToLowerInvariant())
        {
            case "and" when !call:
                return new Token("&&", column);
            case "or" when !call:
                return new Token("||", column);
            case "not" when !call:
                return new Token("!", column);
            case "true" or "false" when !call:
                return new Token(name.ToLowerInvariant(), column);
            case "null":
                refused.Add((column, "`null` không được phép; giá trị thiếu được xử lý bằng `??` hoặc giá trị mặc định của chỉ số"));
                return new Token("0", column);
        }
        if (call)
        {
            if (Functions.TryGetValue(name, out var function))
            {
                return new Token(function, column);
            }
            refused.Add((column, $"hàm hoặc phương thức `{name}` không có trong danh sách được phép ({string.Join(", ", RuleExpressionCompiler.Functions)})"));
            return new Token("Abs", column);
        }
        var parts = name.Split('.', StringSplitOptions.RemoveEmptyEntries);
        var members = parts.Length > 1 ? parts[1..] : parts;
        var id = members[0] + string.Concat(members.Skip(1).Select(p => char.ToUpperInvariant(p[0]) + p[1..]));
        id = char.IsLetter(id[0]) ? id : "x" + id;
        return new Token(id, column, id, name);
    }

    /// <summary>Every name is an indicator of the kind its use suggests (the draft declares them so).</summary>
    private sealed class Scope(Dictionary<string, IndicatorUse> uses) : IExpressionScope
    {
        public bool TryResolve(string name, out Expression expression, out ValueKind kind)
        {
            var boolean = uses.TryGetValue(name, out var use) && use.Boolean;
            kind = boolean ? ValueKind.Boolean : ValueKind.Number;
            expression = Expression.Parameter(boolean ? typeof(bool) : typeof(decimal), name);
            return uses.ContainsKey(name);
        }

        public bool TryResolvePresence(string name, out Expression isPresent)
        {
            isPresent = Expression.Constant(true);
            return uses.ContainsKey(name);
        }

        public IEnumerable<string> KnownNames => uses.Keys;
    }

    internal static string Invariant(decimal value) => value.ToString(CultureInfo.InvariantCulture);
}
