namespace Scoring.Host.Cli;

/// <summary>`token --role &lt;role&gt; [--unit code] [--groups a,b]`: mints a development JWT. Owned by the service work.</summary>
internal static class TokenVerb
{
    public static Task<int> RunAsync(string[] args, TextWriter output, TextWriter error)
    {
        error.WriteLine("Lệnh 'token' chưa được cài đặt.");
        return Task.FromResult(2);
    }
}
