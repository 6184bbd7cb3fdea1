using System.Net.Sockets;

namespace VideoPipeline.TestSupport.Tests;

/// <summary>Our fixture's promises, not Azurite's: ports the OS picks, on loopback, free for the next run once disposed.</summary>
[Trait(TestCategories.Key, TestCategories.Integration)]
public sealed class AzuriteFixtureTests
{
    [Fact]
    public async Task Two_fixtures_at_once_get_their_own_loopback_ports_and_free_them_when_disposed()
    {
        var first = new AzuriteFixture();
        var second = new AzuriteFixture();
        await Task.WhenAll(first.InitializeAsync(), second.InitializeAsync());
        Uri[] endpoints;
        try
        {
            endpoints = [.. Endpoints(first), .. Endpoints(second)];

            Assert.All(endpoints, uri => Assert.Equal("127.0.0.1", uri.Host));
            Assert.Equal(6, endpoints.Select(uri => uri.Port).Distinct().Count());
            Assert.DoesNotContain(endpoints, uri => uri.Port == 0);
            Assert.All(endpoints, uri => Assert.True(Accepts(uri), $"nothing listens at {uri}"));
            Assert.Contains($"BlobEndpoint={first.BlobEndpoint};", first.ConnectionString, StringComparison.Ordinal);
        }
        finally
        {
            await first.DisposeAsync();
            await second.DisposeAsync();
        }

        Assert.All(endpoints, uri => Assert.False(Accepts(uri), $"{uri} still listens after the fixture was disposed"));
    }

    [Fact]
    public void Unique_names_are_valid_container_names_and_never_repeat()
    {
        var names = Enumerable.Range(0, 100).Select(_ => AzuriteFixture.UniqueName("t")).ToList();

        Assert.Equal(100, names.Distinct(StringComparer.Ordinal).Count());
        Assert.All(names, name => Assert.Matches("^t[0-9a-f]{32}$", name));
    }

    private static Uri[] Endpoints(AzuriteFixture azurite) => [azurite.BlobEndpoint, azurite.QueueEndpoint, azurite.TableEndpoint];

    private static bool Accepts(Uri endpoint)
    {
        using var client = new TcpClient();
        try
        {
            client.Connect(endpoint.Host, endpoint.Port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
