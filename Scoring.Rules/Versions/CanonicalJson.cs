using System.Globalization;
using System.Numerics;
using System.Text;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Scoring.Rules.Versions;

/// <summary>
/// The canonical form of a rule-set JSON document, the text whose SHA-256 identifies a version. Rules:
/// object properties sorted by ordinal (UTF-16) name; the root's "$schema" dropped; comments dropped; no whitespace
/// outside strings; numbers as decimals without exponent or trailing zeros (1.50 → 1.5, 2.0 → 2, 1e2 → 100,
/// -0 → 0); strings with minimal escaping (only <c>"</c>, <c>\</c> and control characters; \b \f \n \r \t, else
/// \u00xx lowercase); true, false, null as is; arrays in their order. The hash is taken over the UTF-8 bytes.
/// </summary>
public static class CanonicalJson
{
    /// <summary>Parses <paramref name="json"/> and returns its canonical form.</summary>
    /// <exception cref="JsonReaderException">The text is not valid JSON.</exception>
    public static string FromText(string json)
    {
        using var reader = new JsonTextReader(new StringReader(json))
        {
            DateParseHandling = DateParseHandling.None,
            FloatParseHandling = FloatParseHandling.Decimal,
        };
        return Write(JToken.ReadFrom(reader, new JsonLoadSettings { CommentHandling = CommentHandling.Ignore }));
    }

    /// <summary>The canonical form of a parsed document (read with <see cref="FloatParseHandling.Decimal"/>).</summary>
    public static string Write(JToken root)
    {
        var builder = new StringBuilder();
        Write(root, builder, isRoot: true);
        return builder.ToString();
    }

    private static void Write(JToken token, StringBuilder builder, bool isRoot)
    {
        switch (token)
        {
            case JObject obj:
                builder.Append('{');
                var first = true;
                foreach (var property in obj.Properties()
                             .Where(p => !(isRoot && p.Name == "$schema"))
                             .OrderBy(p => p.Name, StringComparer.Ordinal))
                {
                    if (!first)
                    {
                        builder.Append(',');
                    }
                    first = false;
                    WriteString(property.Name, builder);
                    builder.Append(':');
                    Write(property.Value, builder, isRoot: false);
                }
                builder.Append('}');
                break;
            case JArray array:
                builder.Append('[');
                for (var i = 0; i < array.Count; i++)
                {
                    if (i > 0)
                    {
                        builder.Append(',');
                    }
                    Write(array[i], builder, isRoot: false);
                }
                builder.Append(']');
                break;
            case JValue value:
                WriteValue(value, builder);
                break;
            default:
                throw new ArgumentException($"Unexpected JSON token {token.Type}.", nameof(token));
        }
    }

    private static void WriteValue(JValue value, StringBuilder builder)
    {
        switch (value.Value)
        {
            case null:
                builder.Append("null");
                break;
            case bool b:
                builder.Append(b ? "true" : "false");
                break;
            case string s:
                WriteString(s, builder);
                break;
            case decimal d:
                builder.Append(Number(d));
                break;
            case long l:
                builder.Append(l.ToString(CultureInfo.InvariantCulture));
                break;
            case int i:
                builder.Append(i.ToString(CultureInfo.InvariantCulture));
                break;
            case BigInteger big:
                builder.Append(big.ToString(CultureInfo.InvariantCulture));
                break;
            case double dbl:
                builder.Append(Number((decimal)dbl));
                break;
            default:
                WriteString(Convert.ToString(value.Value, CultureInfo.InvariantCulture) ?? string.Empty, builder);
                break;
        }
    }

    /// <summary>A decimal with no trailing zeros and no exponent, "-0" written as "0".</summary>
    internal static string Number(decimal d)
    {
        if (d == 0m)
        {
            return "0";
        }
        // Dividing by 1 with 28 zeros keeps the value and drops the trailing zeros of the scale.
        var normalised = d / 1.0000000000000000000000000000m;
        return normalised.ToString(CultureInfo.InvariantCulture);
    }

    private static void WriteString(string s, StringBuilder builder)
    {
        builder.Append('"');
        foreach (var c in s)
        {
            switch (c)
            {
                case '"': builder.Append("\\\""); break;
                case '\\': builder.Append("\\\\"); break;
                case '\b': builder.Append("\\b"); break;
                case '\f': builder.Append("\\f"); break;
                case '\n': builder.Append("\\n"); break;
                case '\r': builder.Append("\\r"); break;
                case '\t': builder.Append("\\t"); break;
                case < ' ': builder.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture)); break;
                default: builder.Append(c); break;
            }
        }
        builder.Append('"');
    }
}
