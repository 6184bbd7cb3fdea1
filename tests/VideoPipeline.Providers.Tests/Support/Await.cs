using VideoPipeline.Domain.Providers;
using VideoPipeline.TestSupport;

namespace VideoPipeline.Providers.Tests.Support;

/// <summary>Polls a provider until its task is terminal, with a deadline; never a fixed sleep.</summary>
public static class Await
{
    public static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    public static Task<ProviderTaskStatus> TerminalAsync(IVideoProvider provider, string taskId) =>
        Eventually.ValueAsync(
            () => provider.GetStatusAsync(taskId, CancellationToken.None),
            status => status.IsTerminal,
            $"{provider.Id} task {taskId}",
            Deadline);

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
