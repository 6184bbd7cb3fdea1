using VideoPipeline.TestSupport;

namespace VideoPipeline.Pipeline.Tests;

[CollectionDefinition(AzuriteCollection.Name)]
public sealed class AzuriteCollectionDefinition : ICollectionFixture<AzuriteFixture>;
