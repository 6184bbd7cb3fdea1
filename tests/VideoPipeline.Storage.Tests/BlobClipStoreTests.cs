using System.Security.Cryptography;
using System.Text;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using VideoPipeline.Domain.Storage;
using VideoPipeline.TestSupport;

namespace VideoPipeline.Storage.Tests;

[Collection(AzuriteCollection.Name)]
[Trait(TestCategories.Key, TestCategories.Integration)]
public sealed class BlobClipStoreTests(AzuriteFixture azurite)
{
    private const int MiB = 1024 * 1024;
    private static readonly CancellationToken None = CancellationToken.None;

    private static readonly Dictionary<string, string> CandidateMetadata = new()
    {
        ["provider"] = "runway",
        ["model"] = "gen4_turbo",
        ["prompt"] = "café at dawn – “neon” 日本\nsecond line",
    };

    /// <summary>A store on a container of its own that does not exist yet: the store creates it.</summary>
    private (BlobClipStore Store, BlobContainerClient Container) NewStore()
    {
        var options = new StorageOptions { ConnectionString = azurite.ConnectionString, Container = AzuriteFixture.UniqueName("c") };
        var container = StorageClients.CreateBlobServiceClient(options).GetBlobContainerClient(options.Container);
        return (new BlobClipStore(new VideoBlobStore(container)), container);
    }

    private static async Task<byte[]> ReadAll(Stream stream)
    {
        await using (stream)
        {
            using var copy = new MemoryStream();
            await stream.CopyToAsync(copy);
            return copy.ToArray();
        }
    }

    /// <summary>Everything under the job, uncommitted blobs (staged blocks never committed) included.</summary>
    private static async Task<List<string>> EverythingUnder(BlobContainerClient container, string jobId)
    {
        var names = new List<string>();
        await foreach (var item in container.GetBlobsAsync(BlobTraits.None, BlobStates.All, BlobNames.JobFolder(jobId) + "/", None))
        {
            names.Add(item.Name);
        }

        return names;
    }

    [Fact]
    public async Task A_saved_candidate_is_an_mp4_under_the_candidates_prefix_with_its_metadata_tagged_for_expiry()
    {
        var (store, container) = NewStore();
        var bytes = RandomNumberGenerator.GetBytes((9 * MiB) + 3);

        var saved = await store.SaveCandidateAsync("job-1", 2, "c1", new NonSeekableStream(bytes), 10 * MiB, CandidateMetadata, None);

        Assert.Equal(new StoredClip("jobs/job-1/shots/02/candidates/c1.mp4", bytes.Length), saved);
        var blob = container.GetBlobClient(saved.BlobName);
        var properties = (await blob.GetPropertiesAsync()).Value;
        Assert.Equal("video/mp4", properties.ContentType);
        Assert.All(properties.Metadata.Values, value => Assert.True(Ascii.IsValid(value), value));
        Assert.Equal(CandidateMetadata, BlobMetadata.Decode(properties.Metadata));
        Assert.Equal("candidate", (await blob.GetTagsAsync()).Value.Tags[BlobNames.KindTag]);
        Assert.Equal(bytes, await ReadAll(await store.OpenCandidateAsync("job-1", 2, "c1", None)));
    }

    [Theory]
    [InlineData(100, 101)]
    [InlineData(5 * MiB, (5 * MiB) + 1)]
    [InlineData(5 * MiB, 13 * MiB)]
    public async Task A_candidate_over_the_cap_is_refused_naming_the_limit_and_leaves_nothing(int maxBytes, int size)
    {
        var (store, container) = NewStore();

        var ex = await Assert.ThrowsAsync<ClipTooLargeException>(() =>
            store.SaveCandidateAsync("job-1", 0, "c1", new NonSeekableStream(RandomNumberGenerator.GetBytes(size)), maxBytes, CandidateMetadata, None));

        Assert.Equal(maxBytes, ex.MaxBytes);
        Assert.Equal($"jobs/job-1/shots/00/candidates/c1.mp4 is larger than the limit of {maxBytes} bytes; nothing was kept", ex.Message);
        Assert.Empty(await EverythingUnder(container, "job-1"));
    }

    [Fact]
    public async Task A_refused_retry_removes_the_earlier_attempt_too_so_the_name_never_holds_a_stale_clip()
    {
        var (store, container) = NewStore();
        await store.SaveCandidateAsync("job-1", 0, "c1", new MemoryStream(new byte[1000]), 1000, CandidateMetadata, None);

        await Assert.ThrowsAsync<ClipTooLargeException>(() =>
            store.SaveCandidateAsync("job-1", 0, "c1", new NonSeekableStream(new byte[(6 * MiB) + 1]), 6 * MiB, CandidateMetadata, None));

        Assert.Empty(await EverythingUnder(container, "job-1"));
        await Assert.ThrowsAsync<ClipNotFoundException>(() => store.OpenCandidateAsync("job-1", 0, "c1", None));
    }

    [Fact]
    public async Task A_candidate_of_exactly_the_cap_is_kept()
    {
        var (store, _) = NewStore();
        var bytes = RandomNumberGenerator.GetBytes(5 * MiB);

        var saved = await store.SaveCandidateAsync("job-1", 0, "c1", new NonSeekableStream(bytes), bytes.Length, CandidateMetadata, None);

        Assert.Equal(bytes.Length, saved.Bytes);
        Assert.Equal(bytes, await ReadAll(await store.OpenCandidateAsync("job-1", 0, "c1", None)));
    }

    [Fact]
    public async Task Publishing_copies_the_candidate_inside_the_service_to_the_winner_with_the_winners_metadata()
    {
        var (store, container) = NewStore();
        var bytes = RandomNumberGenerator.GetBytes(MiB + 5);
        await store.SaveCandidateAsync("job-1", 1, "c2", new MemoryStream(bytes), 2 * MiB, CandidateMetadata, None);
        var winnerMetadata = new Dictionary<string, string> { ["provider"] = "runway", ["score"] = "0.87", ["costUsd"] = "0.25", ["why"] = "sharpest — no frozen frames" };

        var winner = await store.PublishWinnerAsync("job-1", 1, "c2", winnerMetadata, None);

        Assert.Equal("jobs/job-1/shots/01/winner.mp4", winner);
        var blob = container.GetBlobClient(winner);
        var properties = (await blob.GetPropertiesAsync()).Value;
        // A copy made by the service records its source; an upload through this process would not.
        Assert.Equal(CopyStatus.Success, properties.CopyStatus);
        Assert.Equal(container.GetBlobClient("jobs/job-1/shots/01/candidates/c2.mp4").Uri, properties.CopySource);
        Assert.Equal("video/mp4", properties.ContentType);
        Assert.Equal(new Dictionary<string, string>(winnerMetadata) { ["candidate"] = "c2" }, BlobMetadata.Decode(properties.Metadata));
        Assert.Equal("winner", (await blob.GetTagsAsync()).Value.Tags[BlobNames.KindTag]);
        Assert.Equal(bytes, await ReadAll((await store.OpenWinnerAsync("job-1", 1, None))!));
    }

    [Fact]
    public async Task Publishing_again_is_idempotent_even_after_the_candidate_expired()
    {
        var (store, container) = NewStore();
        var bytes = RandomNumberGenerator.GetBytes(4096);
        await store.SaveCandidateAsync("job-1", 0, "c1", new MemoryStream(bytes), 4096, CandidateMetadata, None);
        var metadata = new Dictionary<string, string> { ["score"] = "0.9" };

        var first = await store.PublishWinnerAsync("job-1", 0, "c1", metadata, None);
        var second = await store.PublishWinnerAsync("job-1", 0, "c1", metadata, None);
        await container.DeleteBlobAsync(BlobNames.Candidate("job-1", 0, "c1"));
        var afterExpiry = await store.PublishWinnerAsync("job-1", 0, "c1", metadata, None);

        Assert.Equal([first, first], [second, afterExpiry]);
        Assert.Equal(bytes, await ReadAll((await store.OpenWinnerAsync("job-1", 0, None))!));
    }

    [Fact]
    public async Task Publishing_a_candidate_that_does_not_exist_fails_naming_it_and_writes_no_winner()
    {
        var (store, container) = NewStore();
        await store.SaveCandidateAsync("job-1", 0, "c1", new MemoryStream(new byte[10]), 10, CandidateMetadata, None);
        await store.PublishWinnerAsync("job-1", 0, "c1", CandidateMetadata, None);

        var ex = await Assert.ThrowsAsync<ClipNotFoundException>(() => store.PublishWinnerAsync("job-1", 0, "c9", CandidateMetadata, None));
        var none = await Assert.ThrowsAsync<ClipNotFoundException>(() => store.PublishWinnerAsync("job-1", 3, "c1", CandidateMetadata, None));

        Assert.Equal("jobs/job-1/shots/00/candidates/c9.mp4", ex.BlobName);
        Assert.Equal("jobs/job-1/shots/00/candidates/c9.mp4 does not exist (never saved, or expired)", ex.Message);
        Assert.Equal("jobs/job-1/shots/03/candidates/c1.mp4", none.BlobName);
        Assert.Null(await store.OpenWinnerAsync("job-1", 3, None));
        Assert.Equal("c1", (await container.GetBlobClient(BlobNames.Winner("job-1", 0)).GetPropertiesAsync()).Value.Metadata["candidate"]);
    }

    [Fact]
    public async Task The_manifest_round_trips_as_json_and_a_rewrite_replaces_it()
    {
        var (store, container) = NewStore();
        var first = Encoding.UTF8.GetBytes("""{"jobId":"job-1","shots":[]}""");
        var second = Encoding.UTF8.GetBytes("""{"jobId":"job-1","shots":[{"index":0,"winner":"c2","why":"höchste Punktzahl"}]}""");

        await store.WriteManifestAsync("job-1", first, None);
        await store.WriteManifestAsync("job-1", second, None);

        Assert.Equal(second, await ReadAll((await store.OpenManifestAsync("job-1", None))!));
        Assert.Equal("application/json", (await container.GetBlobClient("jobs/job-1/manifest.json").GetPropertiesAsync()).Value.ContentType);
    }

    [Fact]
    public async Task Missing_manifest_and_winner_read_as_null_and_a_missing_candidate_is_named()
    {
        var (store, _) = NewStore();

        Assert.Null(await store.OpenManifestAsync("job-404", None));
        Assert.Null(await store.OpenWinnerAsync("job-404", 0, None));
        var ex = await Assert.ThrowsAsync<ClipNotFoundException>(() => store.OpenCandidateAsync("job-404", 0, "c1", None));
        Assert.Equal("jobs/job-404/shots/00/candidates/c1.mp4", ex.BlobName);
    }

    [Theory]
    [InlineData("")]
    [InlineData("1st")]
    [InlineData("has-hyphen")]
    [InlineData("has space")]
    public async Task A_metadata_key_storage_cannot_carry_is_refused_before_anything_is_written(string key)
    {
        var (store, container) = NewStore();

        var ex = await Assert.ThrowsAsync<ArgumentException>(() =>
            store.SaveCandidateAsync("job-1", 0, "c1", new MemoryStream(new byte[10]), 10, new Dictionary<string, string> { [key] = "x" }, None));

        Assert.Contains($"metadata key '{key}' must be a C# identifier", ex.Message, StringComparison.Ordinal);
        Assert.False(await container.ExistsAsync());
    }

    [Fact]
    public async Task A_refused_credential_is_a_storage_call_failure_not_an_SDK_exception()
    {
        var options = new StorageOptions
        {
            ConnectionString = azurite.ConnectionString.Replace(AzuriteFixture.AccountKey, Convert.ToBase64String(new byte[64]), StringComparison.Ordinal),
            Container = AzuriteFixture.UniqueName("c"),
        };
        var store = new BlobClipStore(new VideoBlobStore(StorageClients.CreateBlobServiceClient(options).GetBlobContainerClient(options.Container)));

        var ex = await Assert.ThrowsAsync<StorageCallException>(() => store.OpenManifestAsync("job-1", None));

        Assert.Equal(403, ex.Status);
        Assert.StartsWith("reading jobs/job-1/manifest.json failed: HTTP 403", ex.Message, StringComparison.Ordinal);
    }
}
