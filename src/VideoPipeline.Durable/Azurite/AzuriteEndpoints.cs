namespace VideoPipeline.Durable.Azurite;

/// <summary>Where a running Azurite listens. Its account and key are the emulator's published development ones, not secrets.</summary>
public sealed record AzuriteEndpoints(Uri Blob, Uri Queue, Uri Table)
{
    public const string AccountName = "devstoreaccount1";

    public const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    public string ConnectionString =>
        $"DefaultEndpointsProtocol=http;AccountName={AccountName};AccountKey={AccountKey};" +
        $"BlobEndpoint={Blob};QueueEndpoint={Queue};TableEndpoint={Table};";
}
