using Microsoft.Extensions.Options;

namespace VideoPipeline.Storage.Tests;

public sealed class StorageOptionsValidatorTests
{
    private const string Neither = "Storage:ConnectionString (Azurite) or Storage:BlobServiceUri (Azure, with managed identity) must be set";
    private const string BadContainer = "Storage:Container must be 3 to 63 lowercase letters, digits and single hyphens, starting and ending with a letter or digit; got ";

    [Theory]
    [InlineData("")]
    [InlineData("Storage:Container=clips-2026")]
    [InlineData("Storage:ConnectionString=|Storage:BlobServiceUri=https://acct.blob.core.windows.net")]
    [InlineData("Storage:ConnectionString=|Storage:BlobServiceUri=https://acct.blob.core.windows.net|Storage:ManagedIdentityClientId=5b0f3c1e-8a52-4d0e-9a33-6f1f0d2c9b11")]
    [InlineData("Storage:ConnectionString=|Storage:BlobServiceUri=https://blobs.example.com|Storage:TableServiceUri=https://tables.example.com")]
    [InlineData("Storage:TaskTable=Tasks2026")]
    public void Good_settings_pass(string settings)
    {
        Assert.Empty(StorageOptionsValidator.Problems(Settings.Options(settings)));
    }

    [Theory]
    [InlineData("Storage:ConnectionString=", Neither)]
    [InlineData("Storage:ConnectionString=   ", Neither)]
    [InlineData("Storage:BlobServiceUri=https://acct.blob.core.windows.net", "Storage:ConnectionString and Storage:BlobServiceUri must not both be set: the connection string is for Azurite, the URI for Azure")]
    [InlineData("Storage:ConnectionString=|Storage:BlobServiceUri=http://acct.blob.core.windows.net/?sv=2025-01-05&sig=SECRET", "Storage:BlobServiceUri must be an absolute https URI; got http://acct.blob.core.windows.net/")]
    [InlineData("Storage:ConnectionString=|Storage:BlobServiceUri=ftp://acct.blob.core.windows.net", "Storage:BlobServiceUri must be an absolute https URI; got ftp://acct.blob.core.windows.net")]
    [InlineData("Storage:TableServiceUri=https://acct.table.core.windows.net", "Storage:ConnectionString and Storage:TableServiceUri must not both be set: the connection string is for Azurite, the URI for Azure")]
    [InlineData("Storage:ConnectionString=|Storage:BlobServiceUri=https://acct.blob.core.windows.net|Storage:TableServiceUri=http://acct.table.core.windows.net/?sig=SECRET", "Storage:TableServiceUri must be an absolute https URI; got http://acct.table.core.windows.net/")]
    [InlineData("Storage:ConnectionString=|Storage:BlobServiceUri=https://blobs.example.com/?sig=SECRET", "Storage:TableServiceUri must be set: it cannot be derived from Storage:BlobServiceUri https://blobs.example.com/, which is not an account's {account}.blob.{suffix} endpoint")]
    [InlineData("Storage:TaskTable=1tasks", "Storage:TaskTable must be 3 to 63 letters and digits, starting with a letter; got '1tasks'")]
    [InlineData("Storage:TaskTable=task-registry", "Storage:TaskTable must be 3 to 63 letters and digits, starting with a letter; got 'task-registry'")]
    [InlineData("Storage:TaskTable=ab", "Storage:TaskTable must be 3 to 63 letters and digits, starting with a letter; got 'ab'")]
    [InlineData("Storage:TaskTable=Tables", "Storage:TaskTable must be 3 to 63 letters and digits, starting with a letter; got 'Tables'")]
    [InlineData("Storage:ManagedIdentityClientId=my-identity", "Storage:ManagedIdentityClientId must be the identity's client id, a GUID; got 'my-identity'")]
    [InlineData("Storage:Container=Bad_Name", BadContainer + "'Bad_Name'")]
    [InlineData("Storage:Container=ab", BadContainer + "'ab'")]
    [InlineData("Storage:Container=-clips", BadContainer + "'-clips'")]
    [InlineData("Storage:Container=clips-", BadContainer + "'clips-'")]
    [InlineData("Storage:Container=my--clips", BadContainer + "'my--clips'")]
    [InlineData("Storage:Container=abcdefghijabcdefghijabcdefghijabcdefghijabcdefghijabcdefghijabcd", BadContainer + "'abcdefghijabcdefghijabcdefghijabcdefghijabcdefghijabcdefghijabcd'")]
    public void A_bad_setting_is_refused_with_a_message_naming_it(string settings, string expected)
    {
        var result = new StorageOptionsValidator().Validate(Microsoft.Extensions.Options.Options.DefaultName, Settings.Options(settings));

        Assert.True(result.Failed);
        Assert.Equal([expected], result.Failures);
    }

    [Fact]
    public void Every_mistake_is_reported_at_once()
    {
        var problems = StorageOptionsValidator.Problems(Settings.Options("Storage:ConnectionString=|Storage:ManagedIdentityClientId=x|Storage:Container=A"));

        Assert.Equal([Neither, "Storage:ManagedIdentityClientId must be the identity's client id, a GUID; got 'x'", BadContainer + "'A'"], problems);
    }

    [Fact]
    public void Building_a_client_without_a_host_runs_the_same_validator_and_fails_the_same_way()
    {
        var options = Settings.Options("Storage:ConnectionString=|Storage:Container=ab");

        var ex = Assert.Throws<OptionsValidationException>(() => StorageClients.CreateBlobServiceClient(options));

        Assert.Equal(typeof(StorageOptions), ex.OptionsType);
        Assert.Equal(StorageOptionsValidator.Problems(options), ex.Failures);
        Assert.Equal($"{Neither}; {BadContainer}'ab'", ex.Message);
    }

    [Fact]
    public void Managed_identity_settings_build_a_client_for_the_service_uri_without_a_key()
    {
        var client = StorageClients.CreateBlobServiceClient(Settings.Options("Storage:ConnectionString=|Storage:BlobServiceUri=https://acct.blob.core.windows.net"));

        Assert.Equal("https://acct.blob.core.windows.net/", client.Uri.ToString());
        Assert.False(client.CanGenerateAccountSasUri);
    }

    [Theory]
    [InlineData("Storage:BlobServiceUri=https://acct.blob.core.windows.net", "https://acct.table.core.windows.net/")]
    [InlineData("Storage:BlobServiceUri=https://acct.blob.core.chinacloudapi.cn/", "https://acct.table.core.chinacloudapi.cn/")]
    [InlineData("Storage:BlobServiceUri=https://acct.blob.core.windows.net|Storage:TableServiceUri=https://other.table.core.windows.net", "https://other.table.core.windows.net/")]
    public void Managed_identity_settings_build_a_table_client_for_the_accounts_table_endpoint(string settings, string expected)
    {
        var client = StorageClients.CreateTableServiceClient(Settings.Options("Storage:ConnectionString=|" + settings));

        Assert.Equal(expected, client.Uri.ToString());
    }
}
