using System.Globalization;
using Microsoft.Extensions.Primitives;
using Newtonsoft.Json.Linq;

namespace Scoring.Host.Workbench;

/// <summary>
/// Applies the structured editor's form to the draft's JSON. Each input is named "kind:JSON path"; only values that differ
/// from what the form showed are written (so an untouched field keeps its JSON exactly), an emptied field removes its
/// property. Text where a number belongs is kept as text: the validator then names that field. One add or remove
/// (the <c>op</c> button) is applied after the fields.
/// </summary>
internal static partial class DraftFormInput
{
    private static readonly Dictionary<FieldKind, string> Prefixes = new()
    {
        [FieldKind.Text] = "t", [FieldKind.Number] = "n", [FieldKind.Operand] = "o", [FieldKind.Boolean] = "b",
        [FieldKind.TextList] = "tl", [FieldKind.NumberList] = "nl", [FieldKind.Choice] = "c", [FieldKind.Year] = "y", [FieldKind.YearList] = "yl",
        [FieldKind.Map] = "m", [FieldKind.Json] = "j",
    };

    private static readonly Dictionary<string, FieldKind> Kinds = Prefixes.ToDictionary(p => p.Value, p => p.Key, StringComparer.Ordinal);

    public static string NameOf(FieldKind kind, string path) => Prefixes[kind] + ":" + path;

    /// <summary>Applies every changed field, drops the parameters of a criterion's former method, then the add/remove operation.</summary>
    public static void Apply(JObject root, IEnumerable<KeyValuePair<string, StringValues>> form, string? op)
    {
        var changedMethods = new List<string>();
        foreach (var (name, values) in form)
        {
            var colon = name.IndexOf(':', StringComparison.Ordinal);
            if (colon < 0 || !Kinds.TryGetValue(name[..colon], out var kind) || !name[(colon + 1)..].StartsWith('$'))
            {
                continue;
            }

            var path = name[(colon + 1)..];
            var text = values.ToString().Trim().ReplaceLineEndings("\n");
            if (text == DraftForm.Text(root.SelectToken(path), kind))
            {
                continue;
            }

            Set(root, path, ToToken(text, kind));
            if (path.EndsWith(".method", StringComparison.Ordinal))
            {
                changedMethods.Add(path[..^".method".Length]);
            }
        }

        foreach (var criterionPath in changedMethods)
        {
            if (root.SelectToken(criterionPath) is JObject criterion)
            {
                var keep = MethodFields.Of((string?)criterion["method"]).ToHashSet(StringComparer.Ordinal);
                foreach (var property in MethodFields.All.Where(p => !keep.Contains(p)))
                {
                    criterion.Remove(property);
                }
            }
        }

        if (op is not null)
        {
            Operate(root, op);
        }
    }

    /// <summary>"add|$.path.to.array" appends a new element; "remove|$.path.to.array[i]" removes one.</summary>
    private static void Operate(JObject root, string op)
    {
        var bar = op.IndexOf('|', StringComparison.Ordinal);
        if (bar < 0)
        {
            return;
        }

        var (verb, path) = (op[..bar], op[(bar + 1)..]);
        if (verb == "remove" && path.EndsWith(']') && root.SelectToken(path) is { Parent: JArray } element)
        {
            element.Remove();
        }
        else if (verb == "add" && path.StartsWith("$.", StringComparison.Ordinal))
        {
            if (root.SelectToken(path) is not JArray array)
            {
                array = [];
                Set(root, path, array);
            }

            var name = path[(path.LastIndexOf('.') + 1)..];
            var added = Template(root, name, array, path);
            if ((name is "bands" or "grades") && array.LastOrDefault() is JObject last && IsCatchAll(name, last))
            {
                last.AddBeforeSelf(added);
            }
            else
            {
                array.Add(added);
            }
        }
    }

    private static bool IsCatchAll(string array, JObject row) =>
        array == "bands" ? !row.ContainsKey("atLeast") && !row.ContainsKey("above") && !row.ContainsKey("atMost") && !row.ContainsKey("below")
            : !row.ContainsKey("minTotal") && !row.ContainsKey("condition");

    private static JObject Template(JObject root, string array, JArray siblings, string path) => array switch
    {
        "bands" => new JObject { ["atLeast"] = 0, ["points"] = 0, ["label"] = "" },
        "criteria" => new JObject
        {
            ["id"] = NextId(root, path, siblings), ["title"] = "Tiêu chí mới", ["clause"] = "", ["maxPoints"] = 1, ["method"] = "check", ["condition"] = "true",
        },
        "sections" => new JObject { ["id"] = $"M{siblings.Count + 1}", ["title"] = "Mục mới", ["maxPoints"] = 1, ["criteria"] = new JArray
        {
            new JObject { ["id"] = $"M{siblings.Count + 1}.1", ["title"] = "Tiêu chí mới", ["maxPoints"] = 1, ["method"] = "check", ["condition"] = "true" },
        } },
        "grades" => new JObject { ["id"] = $"muc-{siblings.Count + 1}", ["title"] = "Mức xếp loại mới", ["minTotal"] = 0 },
        "tieBreakers" => new JObject { ["by"] = "penalty", ["order"] = "asc" },
        "awards" => new JObject
        {
            ["id"] = $"khen-thuong-{siblings.Count + 1}", ["title"] = "Hình thức khen thưởng mới",
            ["precedence"] = siblings.OfType<JObject>().Select(a => (int?)a["precedence"] ?? 0).DefaultIfEmpty(0).Max() + 1,
        },
        "indicators" => new JObject { ["id"] = $"chiSo{siblings.Count + 1}", ["type"] = "number", ["title"] = "Chỉ số mới" },
        "prerequisites" => new JObject { ["kind"] = "awardInPreviousYears", ["award"] = "", ["years"] = 1 },
        "measures" => new JObject { ["id"] = $"soDo{siblings.Count + 1}", ["title"] = "Số đo mới", ["method"] = "meanTotal" },
        "phases" => new JObject
        {
            ["id"] = $"giai-doan-{siblings.Count + 1}", ["title"] = "Giai đoạn mới",
            ["years"] = new JObject { ["from"] = root.SelectToken("years.from")?.DeepClone() ?? 2025, ["to"] = root.SelectToken("years.to")?.DeepClone() ?? 2030 },
            ["measures"] = new JArray { new JObject { ["id"] = "meanTotal", ["title"] = "Điểm bình quân giai đoạn", ["method"] = "meanTotal" } },
            ["rankBy"] = new JArray { "meanTotal" },
        },
        "tests" => new JObject
        {
            ["name"] = $"Ca kiểm thử {siblings.Count + 1}", ["year"] = root.SelectToken("years.from")?.DeepClone() ?? 2025,
            ["values"] = new JObject(), ["expect"] = new JObject { ["criteria"] = new JObject() },
        },
        _ => [],
    };

    /// <summary>The next free criterion id of a section ("II.7") or of bonus/penalty ("T.4"), unique in the rule set.</summary>
    private static string NextId(JObject root, string arrayPath, JArray siblings)
    {
        var owner = root.SelectToken(arrayPath[..arrayPath.LastIndexOf('.')]);
        var prefix = owner?["id"]?.ToString() ?? (arrayPath.StartsWith("$.bonus", StringComparison.Ordinal) ? "T" : arrayPath.StartsWith("$.penalty", StringComparison.Ordinal) ? "P" : "C");
        var used = root.Descendants().OfType<JProperty>().Where(p => p.Name == "id").Select(p => p.Value.ToString()).ToHashSet(StringComparer.Ordinal);
        var n = siblings.Count + 1;
        while (used.Contains($"{prefix}.{n}"))
        {
            n++;
        }

        return $"{prefix}.{n}";
    }

    private static JToken? ToToken(string text, FieldKind kind)
    {
        if (text.Length == 0)
        {
            return null;
        }

        return kind switch
        {
            FieldKind.Number or FieldKind.Year => Number(text) ?? new JValue(text),
            FieldKind.Operand => Number(text) ?? new JValue(text),
            FieldKind.YearList => new JArray(text.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(x => (object)(Number(x) ?? new JValue(x))).ToArray()),
            FieldKind.Map => Map(text),
            FieldKind.Json => Json(text),
            FieldKind.Boolean => text switch { "true" => new JValue(true), "false" => new JValue(false), _ => new JValue(text) },
            FieldKind.TextList => new JArray(text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(x => (object)x).ToArray()),
            FieldKind.NumberList => new JArray(text.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(x => (object)(Number(x) ?? new JValue(x))).ToArray()),
            _ => new JValue(text),
        };
    }

    /// <summary>
    /// A number as the form shows it (vi-VN: "0,85", "1.000", "1.200,5") or with a decimal point ("0.85"); whole numbers stay
    /// whole (10, not 10.0). Dots are thousands separators only where they group three digits after a leading 1–9
    /// ("1.000", "12.500,5"), as <see cref="Scoring.Engine.Text.VnFormat"/> writes them.
    /// </summary>
    internal static JValue? Number(string text)
    {
        var compact = text.Replace(" ", "", StringComparison.Ordinal).Replace("\u00A0", "", StringComparison.Ordinal);
        var normalised = Grouped().IsMatch(compact) ? compact.Replace(".", "", StringComparison.Ordinal).Replace(',', '.')
            : compact.Contains('.', StringComparison.Ordinal) ? compact
            : compact.Replace(',', '.');
        if (!decimal.TryParse(normalised, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
        {
            return null;
        }

        return value == decimal.Truncate(value) && Math.Abs(value) < long.MaxValue ? new JValue((long)value) : new JValue(value);
    }

    /// <summary>"dti: 0,812" lines as an object; a value is a number, true/false, empty (null: not submitted) or text (a date).</summary>
    private static JObject Map(string text)
    {
        var map = new JObject();
        foreach (var line in text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            var (name, value) = colon < 0 ? (line, "") : (line[..colon].Trim(), line[(colon + 1)..].Trim());
            map[name] = value switch
            {
                "" or "null" => JValue.CreateNull(),
                "true" or "có" => new JValue(true),
                "false" or "không" => new JValue(false),
                _ => Number(value) ?? new JValue(value),
            };
        }

        return map;
    }

    /// <summary>A JSON fragment; text that is not JSON is kept as a string, so the validator names the field.</summary>
    private static JToken Json(string text)
    {
        try
        {
            return JToken.Parse(text);
        }
        catch (Newtonsoft.Json.JsonReaderException)
        {
            return new JValue(text);
        }
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"^-?[1-9]\d{0,2}(\.\d{3})+(,\d+)?$", System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex Grouped();

    /// <summary>Sets (or, with null, removes) the property at <paramref name="path"/>, creating the objects above it.</summary>
    private static void Set(JObject root, string path, JToken? value)
    {
        var dot = path.LastIndexOf('.');
        var parentPath = path[..dot];
        var name = path[(dot + 1)..];
        var parent = root.SelectToken(parentPath) as JObject;
        if (parent is null)
        {
            if (value is null)
            {
                return;
            }

            parent = [];
            Set(root, parentPath, parent);
        }

        if (value is null)
        {
            parent.Remove(name);
        }
        else
        {
            parent[name] = value;
        }
    }
}
