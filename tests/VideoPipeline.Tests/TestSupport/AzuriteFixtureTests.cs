using Azure.Storage.Blobs;
using VideoPipeline.TestSupport;

namespace VideoPipeline.Tests.TestSupport;

[Collection(AzuriteCollection.Name)]
[Trait(TestCategories.Key, TestCategories.Integration)]
public sealed class AzuriteFixtureTests(AzuriteFixture azurite)
{
    [Fact]
    public void Services_listen_on_loopback_ports_chosen_at_start()
    {
        Assert.All([azurite.BlobEndpoint, azurite.QueueEndpoint, azurite.TableEndpoint], uri =>
        {
            Assert.True(uri.IsLoopback);
            Assert.NotEqual(0, uri.Port);
        });
        Assert.Equal(3, new[] { azurite.BlobEndpoint.Port, azurite.QueueEndpoint.Port, azurite.TableEndpoint.Port }.Distinct().Count());
    }

    [Fact]
    public async Task Unique_names_keep_tests_apart()
    {
        var service = new BlobServiceClient(azurite.ConnectionString);
        var first = service.GetBlobContainerClient(AzuriteFixture.UniqueName("iso"));
        var second = service.GetBlobContainerClient(AzuriteFixture.UniqueName("iso"));
        await first.CreateAsync();
        await second.CreateAsync();

        await first.UploadBlobAsync("a.txt", BinaryData.FromString("one"));

        Assert.NotEqual(first.Name, second.Name);
        Assert.False(await second.GetBlobClient("a.txt").ExistsAsync());
    }
}
