using System.Security.Cryptography;

namespace Scoring.Host.Accounts;

/// <summary>
/// Initial and reset passwords: 12 characters from letters and digits that cannot be mistaken for each other on a printed
/// sheet (no 0/O, 1/l/I), always with an upper-case letter, a lower-case letter and a digit, from a cryptographic source.
/// </summary>
internal static class PasswordGenerator
{
    private const string Upper = "ABCDEFGHJKLMNPQRSTUVWXYZ";
    private const string Lower = "abcdefghijkmnpqrstuvwxyz";
    private const string Digits = "23456789";
    private const int Length = 12;

    public static string Next()
    {
        var all = Upper + Lower + Digits;
        var chars = new char[Length];
        chars[0] = Upper[RandomNumberGenerator.GetInt32(Upper.Length)];
        chars[1] = Lower[RandomNumberGenerator.GetInt32(Lower.Length)];
        chars[2] = Digits[RandomNumberGenerator.GetInt32(Digits.Length)];
        for (var i = 3; i < Length; i++)
        {
            chars[i] = all[RandomNumberGenerator.GetInt32(all.Length)];
        }

        RandomNumberGenerator.Shuffle(chars.AsSpan());
        return new string(chars);
    }
}
