using System.Collections.Immutable;
using System.Globalization;

namespace Scoring.Host.Cli;

/// <summary>A verb's arguments after parsing: positionals in order and options by name ("--rules" → value).</summary>
internal sealed record ParsedArguments(string Verb, ImmutableArray<string> Positionals, ImmutableDictionary<string, string?> Options)
{
    public bool Has(string option) => Options.ContainsKey(option);

    public string? Get(string option) => Options.GetValueOrDefault(option);

    public string Require(string option) =>
        Get(option) ?? throw new CliException($"Lệnh {Verb} cần tùy chọn {option}. Xem: scoring {Verb} --help");

    /// <summary>The year option: four digits (e.g. 2025); anything else is a usage error that says so.</summary>
    public int RequireYear(string option = "--year")
    {
        var text = Require(option);
        if (text.Length == 4 && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var year) && year >= 1900)
        {
            return year;
        }

        throw new CliException($"{option} phải là năm gồm bốn chữ số (ví dụ 2025), không phải '{text}'.");
    }
}
