using VideoPipeline.Domain.Providers;

namespace VideoPipeline.Providers.Tests.Support;

/// <summary>Polls a provider until its task is terminal, with a deadline; never a fixed sleep.</summary>
public static class Await
{
    public static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    public static async Task<ProviderTaskStatus> TerminalAsync(IVideoProvider provider, string taskId)
    {
        using var deadline = new CancellationTokenSource(Deadline);
        while (true)
        {
            var status = await provider.GetStatusAsync(taskId, deadline.Token);
            if (status.IsTerminal)
            {
                return status;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(25), deadline.Token);
        }
    }

    public static SubmissionRequest Request(string prompt = "a paper boat drifting down a rain-soaked street", long seed = 7, Uri? callback = null) =>
        new($"job-{Guid.NewGuid():N}:s0:c0", prompt, 2, "16:9", "720p", seed, CallbackUrl: callback);

    /// <summary>True when the bytes are an MP4 (an ISO BMFF <c>ftyp</c> box first).</summary>
    public static async Task<long> AssertMp4Async(Stream video)
    {
        await using (video)
        {
            using var copy = new MemoryStream();
            await video.CopyToAsync(copy);
            var bytes = copy.ToArray();
            Assert.True(bytes.Length > 1000, $"only {bytes.Length} bytes");
            Assert.Equal("ftyp"u8.ToArray(), bytes[4..8]);
            return bytes.Length;
        }
    }
}
