using System.Text;

namespace Scoring.Host.Cli;

/// <summary>Writes a verb's result to stdout or, with --out, to a file atomically (a temporary file in the same folder, then a move).</summary>
internal static class OutputTarget
{
    public static readonly Encoding Utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);

    public static void WriteText(string? path, CliContext context, Action<TextWriter> write)
    {
        if (path is null)
        {
            write(context.Output);
            return;
        }

        WriteFile(path, stream =>
        {
            using var writer = new StreamWriter(stream, Utf8, leaveOpen: true);
            write(writer);
        });
        context.Error.WriteLine($"Đã ghi {path}");
    }

    public static void WriteFile(string path, Action<Stream> write)
    {
        var full = Path.GetFullPath(path);
        var folder = Path.GetDirectoryName(full)!;
        if (!Directory.Exists(folder))
        {
            throw new CliException($"--out: thư mục '{folder}' không tồn tại.");
        }

        var temp = Path.Combine(folder, $".{Path.GetFileName(full)}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.ReadWrite))
            {
                write(stream);
            }

            File.Move(temp, full, overwrite: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new CliException($"--out: không ghi được '{path}': {ex.Message}");
        }
        finally
        {
            if (File.Exists(temp))
            {
                File.Delete(temp);
            }
        }
    }
}
