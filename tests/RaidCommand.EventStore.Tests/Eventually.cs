namespace RaidCommand.EventStore.Tests;

/// <summary>Waits for an asynchronous outcome (a projection catching up, a leader changing) with a hard limit.</summary>
public static class Eventually
{
    public static async Task True(Func<Task<bool>> condition, string what, TimeSpan? within = null)
    {
        var deadline = DateTime.UtcNow + (within ?? TimeSpan.FromSeconds(30));
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail($"Timed out waiting until {what}.");
            }

            await Task.Delay(25);
        }
    }
}
