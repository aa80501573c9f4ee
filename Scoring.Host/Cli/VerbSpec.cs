using System.Collections.Immutable;
using System.Text;

namespace Scoring.Host.Cli;

/// <summary>What a verb accepts: its usage line, a description, the options, and how many positionals (min..max).</summary>
internal sealed record VerbSpec(string Name, string Usage, string Description, ImmutableArray<OptionSpec> Options, int MinPositionals, int MaxPositionals)
{
    public static readonly OptionSpec Verbose = new("--verbose", null, "in chi tiết lỗi (kể cả vết ngăn xếp) khi có lỗi không mong đợi");

    public static readonly OptionSpec Help = new("--help", null, "in hướng dẫn của lệnh này");

    public string HelpText()
    {
        var text = new StringBuilder();
        text.AppendLine($"Cách dùng: scoring {Usage}");
        text.AppendLine();
        text.AppendLine(Description);
        text.AppendLine();
        text.AppendLine("Tùy chọn:");
        var all = Options.Add(Verbose).Add(Help);
        var width = all.Max(o => Label(o).Length);
        foreach (var option in all)
        {
            text.AppendLine($"  {Label(option).PadRight(width)}  {option.Help}");
        }

        return text.ToString();
    }

    private static string Label(OptionSpec option) => option.TakesValue ? $"{option.Name} <{option.ValueName}>" : option.Name;
}
