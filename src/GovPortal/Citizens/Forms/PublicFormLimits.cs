namespace GovPortal.Citizens.Forms;

/// <summary>
/// How much one client may post to a public form (each form counts on its own) and how large a post may be. Enough
/// for a person who corrects a mistake a few times, too little for a script that tries 查询码.
/// </summary>
public sealed record PublicFormLimits(int PermitLimit = 10, int WindowSeconds = 600, int MaxBodyBytes = 32 * 1024)
{
    public int WindowMinutes => Math.Max(1, (WindowSeconds + 59) / 60);
}
