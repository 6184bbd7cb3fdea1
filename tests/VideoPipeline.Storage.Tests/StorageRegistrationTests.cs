using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using VideoPipeline.Domain.Storage;

namespace VideoPipeline.Storage.Tests;

public sealed class StorageRegistrationTests
{
    private static ServiceProvider Build(string settings) =>
        new ServiceCollection().AddVideoBlobStorage(Settings.Configuration(settings)).BuildServiceProvider();

    [Fact]
    public void The_store_addresses_the_configured_container()
    {
        using var services = Build("Storage:Container=clips-2026");

        services.GetRequiredService<IStartupValidator>().Validate();
        var store = services.GetRequiredService<VideoBlobStore>();

        Assert.Equal("http://127.0.0.1:10000/devstoreaccount1/clips-2026", store.ContainerUri.ToString());
    }

    [Fact]
    public void The_ports_are_the_blob_clip_store_and_the_table_registry_on_the_configured_table()
    {
        using var services = Build("Storage:TaskTable=registry2026");

        services.GetRequiredService<IStartupValidator>().Validate();

        Assert.IsType<BlobClipStore>(services.GetRequiredService<IClipStore>());
        Assert.IsType<TableTaskRegistry>(services.GetRequiredService<ITaskRegistry>());
        Assert.Same(services.GetRequiredService<IClipStore>(), services.GetRequiredService<IClipStore>());
        Assert.Equal("http://127.0.0.1:10002/devstoreaccount1", services.GetRequiredService<Azure.Data.Tables.TableServiceClient>().Uri.ToString().TrimEnd('/'));
        Assert.Null(services.GetRequiredService<StorageCredential>().Credential);
    }

    [Fact]
    public void With_an_account_uri_the_blob_and_table_clients_share_one_managed_identity_credential()
    {
        using var services = Build("Storage:ConnectionString=|Storage:BlobServiceUri=https://acct.blob.core.windows.net");

        services.GetRequiredService<IStartupValidator>().Validate();

        Assert.NotNull(services.GetRequiredService<StorageCredential>().Credential);
        Assert.Equal("https://acct.table.core.windows.net/", services.GetRequiredService<Azure.Data.Tables.TableServiceClient>().Uri.ToString());
        Assert.Equal("https://acct.blob.core.windows.net/videopipeline", services.GetRequiredService<VideoBlobStore>().ContainerUri.ToString());
    }

    [Fact]
    public void A_bad_setting_fails_at_start_with_the_message_the_validator_gives()
    {
        using var services = Build("Storage:Container=Bad_Name");

        var ex = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IStartupValidator>().Validate());

        Assert.Equal(StorageOptionsValidator.Problems(Settings.Options("Storage:Container=Bad_Name")), ex.Failures);
        Assert.StartsWith("Storage:Container must be", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Registering_twice_adds_the_validator_once()
    {
        var services = new ServiceCollection();
        var configuration = Settings.Configuration("");

        services.AddVideoBlobStorage(configuration).AddVideoBlobStorage(configuration);

        Assert.Single(services, d => d.ServiceType == typeof(IValidateOptions<StorageOptions>));
    }
}
