using VideoPipeline.TestSupport;

namespace VideoPipeline.Storage.Tests;

[CollectionDefinition(AzuriteCollection.Name)]
public sealed class AzuriteCollectionDefinition : ICollectionFixture<AzuriteFixture>;
