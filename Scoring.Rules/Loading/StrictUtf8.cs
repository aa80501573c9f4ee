using System.Text;

namespace Scoring.Rules.Loading;

/// <summary>
/// Decodes UTF-8 and refuses what is not, with the line and column of the first bad byte, where a lenient decoder
/// would silently put "�" into names and titles. A leading byte-order mark is skipped.
/// </summary>
public static class StrictUtf8
{
    private static readonly UTF8Encoding Strict = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Where the first invalid byte is: 1-based line and column (in characters), and the byte itself.</summary>
    public readonly record struct BadByte(int Line, int Column, byte Byte, int Offset);

    public static bool TryDecode(ReadOnlySpan<byte> bytes, out string text, out BadByte bad)
    {
        if (bytes.StartsWith("\uFEFF"u8))
        {
            bytes = bytes[3..];
        }
        var status = System.Text.Unicode.Utf8.ToUtf16(bytes, new char[bytes.Length], out var read, out _, replaceInvalidSequences: false);
        if (status == System.Buffers.OperationStatus.Done)
        {
            text = Strict.GetString(bytes);
            bad = default;
            return true;
        }
        // `read` is where decoding stopped: the first byte of the bad sequence (or of an incomplete one at the end).
        var before = bytes[..read];
        var lineStart = before.LastIndexOf((byte)'\n') + 1;
        var line = before.Count((byte)'\n') + 1;
        var column = Encoding.UTF8.GetCharCount(before[lineStart..]) + 1;
        text = string.Empty;
        bad = new BadByte(line, column, bytes[read], read);
        return false;
    }
}
