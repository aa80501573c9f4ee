using Newtonsoft.Json;

namespace Scoring.Rules.Loading;

/// <summary>
/// Where each JSON value and property name starts in a file, keyed by JSON path ("$.sections[0].criteria[2]").
/// Newtonsoft reports the END of each token, so the start is found by skipping the separators that follow the
/// previous token. This lets any diagnostic, even one found long after reading, point at the right place.
/// </summary>
public sealed class JsonSourceMap
{
    private readonly string text;
    private readonly int[] lineStarts;
    private readonly Dictionary<string, int> valueStarts = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> nameStarts = new(StringComparer.Ordinal);

    private JsonSourceMap(string text)
    {
        this.text = text;
        lineStarts = ComputeLineStarts(text);
    }

    /// <summary>An empty map: every lookup gives an unknown position.</summary>
    public static JsonSourceMap Empty { get; } = new(string.Empty);

    /// <summary>Scans <paramref name="json"/>; stops quietly at the first syntax error (the parser reports it).</summary>
    public static JsonSourceMap Build(string json)
    {
        var map = new JsonSourceMap(json);
        using var reader = new JsonTextReader(new StringReader(json))
        {
            DateParseHandling = DateParseHandling.None,
            FloatParseHandling = FloatParseHandling.Decimal,
        };
        var previousEnd = 0;
        try
        {
            while (reader.Read())
            {
                var end = map.Offset(reader.LineNumber, reader.LinePosition);
                if (reader.TokenType is JsonToken.Comment or JsonToken.EndObject or JsonToken.EndArray)
                {
                    previousEnd = end;
                    continue;
                }
                var start = map.SkipSeparators(previousEnd);
                var path = ToJsonPath(reader.Path);
                if (reader.TokenType == JsonToken.PropertyName)
                {
                    map.nameStarts.TryAdd(path, start);
                }
                else
                {
                    map.valueStarts.TryAdd(path, start);
                }
                previousEnd = end;
            }
        }
        catch (JsonReaderException)
        {
            // The parse step reports the syntax error with its position.
        }
        return map;
    }

    /// <summary>Converts a Newtonsoft path ("sections[0].id") to ours ("$.sections[0].id").</summary>
    public static string ToJsonPath(string newtonsoftPath) =>
        newtonsoftPath.Length == 0 ? "$" : newtonsoftPath[0] == '[' ? "$" + newtonsoftPath : "$." + newtonsoftPath;

    /// <summary>
    /// The start of the value at <paramref name="path"/>; if there is none (a missing property), the start of the
    /// nearest enclosing value that exists.
    /// </summary>
    public SourcePosition Locate(string path)
    {
        for (var p = path; p is not null; p = Parent(p))
        {
            if (valueStarts.TryGetValue(p, out var offset))
            {
                return ToPosition(offset);
            }
        }
        return SourcePosition.Unknown;
    }

    /// <summary>The start of the property name at <paramref name="path"/> (its opening quote), else <see cref="Locate"/>.</summary>
    public SourcePosition LocateName(string path) =>
        nameStarts.TryGetValue(path, out var offset) ? ToPosition(offset) : Locate(path);

    /// <summary>
    /// The position of character <paramref name="index"/> (0-based) of the decoded string value at
    /// <paramref name="path"/>, following escapes in the raw text. Unknown when the value is not a string.
    /// </summary>
    public SourcePosition LocateInString(string path, int index)
    {
        if (!valueStarts.TryGetValue(path, out var start) || start >= text.Length || text[start] is not ('"' or '\''))
        {
            return Locate(path);
        }
        var quote = text[start];
        var raw = start + 1;
        for (var decoded = 0; decoded < index && raw < text.Length && text[raw] != quote; decoded++)
        {
            raw += EscapeLength(raw);
        }
        return ToPosition(raw);
    }

    /// <summary>True when the path holds a JSON string (so expression columns can be mapped into it).</summary>
    public bool IsString(string path) =>
        valueStarts.TryGetValue(path, out var start) && start < text.Length && text[start] is '"' or '\'';

    internal static string? Parent(string path)
    {
        if (path == "$")
        {
            return null;
        }
        if (path.EndsWith(']'))
        {
            var open = path.EndsWith("']", StringComparison.Ordinal) ? path.LastIndexOf("['", StringComparison.Ordinal) : path.LastIndexOf('[');
            return open <= 0 ? "$" : path[..open];
        }
        var dot = path.LastIndexOf('.');
        return dot <= 0 ? "$" : path[..dot];
    }

    private int EscapeLength(int raw)
    {
        if (text[raw] != '\\' || raw + 1 >= text.Length)
        {
            return 1;
        }
        return text[raw + 1] == 'u' ? 6 : 2;
    }

    private int SkipSeparators(int offset)
    {
        while (offset < text.Length && (char.IsWhiteSpace(text[offset]) || text[offset] is ',' or ':'))
        {
            offset++;
        }
        return offset;
    }

    private int Offset(int line, int linePosition) =>
        line >= 1 && line <= lineStarts.Length ? Math.Min(lineStarts[line - 1] + linePosition, text.Length) : text.Length;

    private SourcePosition ToPosition(int offset)
    {
        var index = Array.BinarySearch(lineStarts, offset);
        var line = index >= 0 ? index : ~index - 1;
        return new SourcePosition(line + 1, offset - lineStarts[line] + 1);
    }

    // Same line breaks as Newtonsoft: \n, \r\n and a lone \r.
    private static int[] ComputeLineStarts(string text)
    {
        var starts = new List<int> { 0 };
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\r')
            {
                if (i + 1 < text.Length && text[i + 1] == '\n')
                {
                    i++;
                }
                starts.Add(i + 1);
            }
            else if (text[i] == '\n')
            {
                starts.Add(i + 1);
            }
        }
        return [.. starts];
    }
}
