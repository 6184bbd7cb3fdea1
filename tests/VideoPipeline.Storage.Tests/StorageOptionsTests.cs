using VideoPipeline.Storage;

namespace VideoPipeline.Storage.Tests;

public sealed class StorageOptionsTests
{
    [Fact]
    public void Neither_connection_string_nor_service_uri_is_an_error_naming_both_settings()
    {
        var error = Assert.Single(new StorageOptions().Validate());

        Assert.Contains("Storage:ConnectionString", error, StringComparison.Ordinal);
        Assert.Contains("Storage:BlobServiceUri", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("http://acct.blob.core.windows.net", "videopipeline", "Storage:BlobServiceUri")]
    [InlineData("https://acct.blob.core.windows.net", "Bad_Name", "Storage:Container")]
    [InlineData("https://acct.blob.core.windows.net", "ab", "Storage:Container")]
    public void Bad_settings_are_named(string uri, string container, string expectedSetting)
    {
        var options = new StorageOptions { BlobServiceUri = new Uri(uri), Container = container };

        Assert.Contains(expectedSetting, Assert.Single(options.Validate()), StringComparison.Ordinal);
    }

    [Fact]
    public void Managed_identity_settings_are_valid_without_a_key()
    {
        var options = new StorageOptions { BlobServiceUri = new Uri("https://acct.blob.core.windows.net") };

        Assert.Empty(options.Validate());
        Assert.Equal("https://acct.blob.core.windows.net/", StorageClients.CreateBlobServiceClient(options).Uri.ToString());
    }

    [Fact]
    public void Creating_a_client_from_bad_settings_fails_with_the_reason()
    {
        var ex = Assert.Throws<InvalidOperationException>(() => StorageClients.CreateBlobServiceClient(new StorageOptions()));

        Assert.Contains("Storage:ConnectionString", ex.Message, StringComparison.Ordinal);
    }
}
