using System.Collections.Immutable;

namespace Scoring.Host.Cli;

/// <summary>
/// Parses "verb [positionals] [--option value | --option=value | --flag]" against a <see cref="VerbSpec"/>.
/// Every mistake is a <see cref="CliException"/> that names the option and the fix.
/// </summary>
internal static class ArgumentParser
{
    public static ParsedArguments Parse(VerbSpec spec, IReadOnlyList<string> args)
    {
        var known = spec.Options.Add(VerbSpec.Verbose).Add(VerbSpec.Help).ToDictionary(o => o.Name, StringComparer.Ordinal);
        var positionals = ImmutableArray.CreateBuilder<string>();
        var options = ImmutableDictionary.CreateBuilder<string, string?>(StringComparer.Ordinal);
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (arg is "-h")
            {
                arg = "--help";
            }

            if (!arg.StartsWith("--", StringComparison.Ordinal) || arg == "--")
            {
                positionals.Add(arg);
                continue;
            }

            var equals = arg.IndexOf('=', StringComparison.Ordinal);
            var name = equals > 0 ? arg[..equals] : arg;
            if (!known.TryGetValue(name, out var option))
            {
                var valid = string.Join(", ", known.Keys);
                throw new CliException($"Tùy chọn không hợp lệ '{name}' cho lệnh {spec.Name}. Các tùy chọn: {valid}.");
            }

            if (options.ContainsKey(name))
            {
                throw new CliException($"Tùy chọn {name} được cho hai lần.");
            }

            if (!option.TakesValue)
            {
                if (equals > 0)
                {
                    throw new CliException($"Tùy chọn {name} không nhận giá trị.");
                }

                options[name] = null;
                continue;
            }

            string value;
            if (equals > 0)
            {
                value = arg[(equals + 1)..];
            }
            else if (i + 1 < args.Count && !args[i + 1].StartsWith("--", StringComparison.Ordinal))
            {
                value = args[++i];
            }
            else
            {
                throw new CliException($"Thiếu giá trị cho {name} (cần <{option.ValueName}>).");
            }

            if (value.Length == 0)
            {
                throw new CliException($"Giá trị của {name} trống (cần <{option.ValueName}>).");
            }

            options[name] = value;
        }

        var parsed = new ParsedArguments(spec.Name, positionals.ToImmutable(), options.ToImmutable());
        if (parsed.Has("--help"))
        {
            return parsed;
        }

        if (positionals.Count < spec.MinPositionals)
        {
            throw new CliException($"Thiếu đối số. Cách dùng: scoring {spec.Usage}");
        }

        if (positionals.Count > spec.MaxPositionals)
        {
            throw new CliException($"Thừa đối số '{positionals[spec.MaxPositionals]}'. Cách dùng: scoring {spec.Usage}");
        }

        return parsed;
    }
}
