namespace Scoring.Host.Tests.Fixtures;

/// <summary>Polls a condition every 100 ms until it holds, failing with <c>what</c> after the timeout (never a fixed sleep).</summary>
internal static class Poll
{
    public static async Task UntilAsync(string what, TimeSpan timeout, Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail($"{what}: not reached within {timeout.TotalSeconds:0} s");
            }

            await Task.Delay(100);
        }
    }
}
