using System.Security.Cryptography;
using VideoPipeline.Domain.Storage;
using VideoPipeline.Storage;
using VideoPipeline.TestSupport;

namespace VideoPipeline.Storage.Tests;

[Collection(AzuriteCollection.Name)]
[Trait(TestCategories.Key, TestCategories.Integration)]
public sealed class VideoBlobStoreTests(AzuriteFixture azurite)
{
    private async Task<VideoBlobStore> NewStore()
    {
        var options = new StorageOptions { ConnectionString = azurite.ConnectionString, Container = AzuriteFixture.UniqueName("t") };
        var store = new VideoBlobStore(StorageClients.CreateBlobServiceClient(options).GetBlobContainerClient(options.Container));
        await store.EnsureContainerAsync();
        return store;
    }

    [Fact]
    public async Task A_clip_written_to_Azurite_reads_back_byte_for_byte_with_its_metadata()
    {
        var store = await NewStore();
        var bytes = RandomNumberGenerator.GetBytes(3 * 1024 * 1024 + 17);
        var name = BlobNames.Candidate("job-1", 0, "c1");

        var uri = await store.UploadAsync(name, new MemoryStream(bytes), "video/mp4", new Dictionary<string, string>
        {
            ["provider"] = "local",
            ["score"] = "0.83",
        });

        Assert.StartsWith(azurite.BlobEndpoint.ToString(), uri.ToString(), StringComparison.Ordinal);
        await using var stored = await store.OpenReadAsync(name);
        Assert.NotNull(stored);
        using var copy = new MemoryStream();
        await stored.Content.CopyToAsync(copy);
        Assert.Equal(bytes, copy.ToArray());
        Assert.Equal("video/mp4", stored.ContentType);
        Assert.Equal("local", stored.Metadata["provider"]);
        Assert.Equal("0.83", stored.Metadata["score"]);
    }

    [Fact]
    public async Task Reading_a_missing_blob_returns_null()
    {
        var store = await NewStore();

        Assert.Null(await store.OpenReadAsync(BlobNames.Winner("nope", 1)));
    }
}
