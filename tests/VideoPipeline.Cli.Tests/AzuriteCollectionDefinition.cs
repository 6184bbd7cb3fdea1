using VideoPipeline.TestSupport;

namespace VideoPipeline.Cli.Tests;

[CollectionDefinition(AzuriteCollection.Name)]
public sealed class AzuriteCollectionDefinition : ICollectionFixture<AzuriteFixture>;
