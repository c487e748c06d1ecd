namespace DbtTfProvider.Emulator.State;

internal sealed record DatafoldCaller(SeedOrganization Organization, SeedApiKey Key)
{
    public int UserId => Key.UserId;
}
