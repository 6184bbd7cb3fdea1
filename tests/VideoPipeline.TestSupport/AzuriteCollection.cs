namespace VideoPipeline.TestSupport;

/// <summary>
/// The name of the xunit collection that shares one <see cref="AzuriteFixture"/>. xunit finds
/// collection definitions only in the test assembly, so each test project declares
/// <c>[CollectionDefinition(AzuriteCollection.Name)] class X : ICollectionFixture&lt;AzuriteFixture&gt;;</c>.
/// </summary>
public static class AzuriteCollection
{
    public const string Name = "Azurite";
}
