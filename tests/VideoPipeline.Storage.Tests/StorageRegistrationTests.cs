using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

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
