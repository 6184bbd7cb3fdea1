using System.Collections.Concurrent;
using VideoPipeline.Domain.Jobs;
using VideoPipeline.Domain.Providers;
using VideoPipeline.Media;
using VideoPipeline.Providers.Tests.Support;
using VideoPipeline.TestSupport;

namespace VideoPipeline.Providers.Tests.Adapters;

[Collection(SimulatorCollection.Name)]
[Trait(TestCategories.Key, TestCategories.Integration)]
public sealed class LocalProviderTests(SimulatorFixture fixture) : IAsyncLifetime
{
    private readonly TempDirectory _output = new("vp-local");
    private readonly Sink _sink = new();
    private ProviderHarness _harness = null!;

    private IVideoProvider Local => _harness.Provider(ProviderIds.Local);

    public Task InitializeAsync()
    {
        _harness = new ProviderHarness(fixture.Simulator, s =>
        {
            s["Providers:Local:OutputDirectory"] = _output.Path;
            s["Providers:Local:MaxShortSide"] = "90";
            s["Providers:Local:FramesPerSecond"] = "8";
        }, sink: _sink);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _harness.DisposeAsync();
        _output.Dispose();
    }

    [Fact]
    public async Task Completion_arrives_in_process_and_can_also_be_polled()
    {
        var submitted = await Local.SubmitAsync(Await.Request(), CancellationToken.None);
        Assert.True(submitted.Accepted, submitted.Failure?.Message);

        var update = await _sink.For(submitted.TaskId!).WaitAsync(Await.Deadline);

        Assert.Equal(ProviderTaskState.Succeeded, update.State);
        Assert.Equal(ProviderTaskState.Succeeded, (await Local.GetStatusAsync(submitted.TaskId!, CancellationToken.None)).State);
        await Await.AssertMp4Async(await Local.OpenResultAsync(submitted.TaskId!, CancellationToken.None));
    }

    [Fact]
    public async Task Seeds_give_distinct_clips_and_the_same_seed_the_same_clip()
    {
        var a = await RenderAsync(seed: 1);
        var b = await RenderAsync(seed: 2);
        var again = await RenderAsync(seed: 1);

        Assert.NotEqual(a, b);
        Assert.Equal(a, again);
    }

    [Fact]
    public async Task Submitting_the_same_candidate_twice_renders_once()
    {
        var request = Await.Request();

        var first = await Local.SubmitAsync(request, CancellationToken.None);
        var second = await Local.SubmitAsync(request, CancellationToken.None);

        Assert.Equal(first.TaskId, second.TaskId);
    }

    [Fact]
    public async Task Http_callback_for_the_local_provider_is_rejected() =>
        Assert.Equal(CallbackTrust.Rejected, (await Local.VerifyCallbackAsync(new ProviderCallback(new Dictionary<string, string>(), "{}"u8.ToArray()), CancellationToken.None)).Trust);

    /// <summary>The decoded frames' MD5 (container bytes could differ by muxer metadata, frames must not).</summary>
    private async Task<string> RenderAsync(long seed)
    {
        var submitted = await Local.SubmitAsync(Await.Request(prompt: "waves at dusk", seed: seed), CancellationToken.None);
        await _sink.For(submitted.TaskId!).WaitAsync(Await.Deadline);
        var path = (await Local.GetStatusAsync(submitted.TaskId!, CancellationToken.None)).ResultUrls![0].LocalPath;
        var result = await ProcessRunner.RunAsync(FfmpegTools.Locate().Ffmpeg, ["-v", "error", "-i", path, "-f", "md5", "-"], TimeSpan.FromSeconds(30));
        Assert.True(result.Succeeded, result.StandardError);
        return result.StandardOutput.Trim();
    }

    private sealed class Sink : IProviderUpdateSink
    {
        private readonly ConcurrentDictionary<string, TaskCompletionSource<ProviderTaskStatus>> _updates = new();

        public Task<ProviderTaskStatus> For(string taskId) => Completion(taskId).Task;

        public ValueTask OnUpdateAsync(string providerId, ProviderTaskStatus status, CancellationToken cancellationToken)
        {
            Completion(status.TaskId).TrySetResult(status);
            return ValueTask.CompletedTask;
        }

        private TaskCompletionSource<ProviderTaskStatus> Completion(string taskId) =>
            _updates.GetOrAdd(taskId, _ => new TaskCompletionSource<ProviderTaskStatus>(TaskCreationOptions.RunContinuationsAsynchronously));
    }
}
