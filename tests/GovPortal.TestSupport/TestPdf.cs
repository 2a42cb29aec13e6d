using System.Globalization;
using System.Text;

namespace GovPortal.Tests.Support;

/// <summary>
/// Writes a one-page PDF whose Chinese text is set in a CID font with a ToUnicode map, the way office software and
/// government document systems export it; text extraction reads the characters through that map.
/// </summary>
public static class TestPdf
{
    public static byte[] Create(params string[] lines)
    {
        var characters = string.Concat(lines).Distinct().ToList();
        string Cid(char c) => (characters.IndexOf(c) + 1).ToString("X4", CultureInfo.InvariantCulture);

        var content = new StringBuilder("BT /F1 14 Tf 50 780 Td 18 TL\n");
        foreach (var line in lines)
            content.Append('<').Append(string.Concat(line.Select(Cid))).Append("> Tj T*\n");
        content.Append("ET\n");

        var cmap = new StringBuilder();
        cmap.Append("/CIDInit /ProcSet findresource begin 12 dict begin begincmap\n");
        cmap.Append("/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n");
        cmap.Append("/CMapName /Adobe-Identity-UCS def /CMapType 2 def\n");
        cmap.Append("1 begincodespacerange <0000> <FFFF> endcodespacerange\n");
        cmap.Append(characters.Count.ToString(CultureInfo.InvariantCulture)).Append(" beginbfchar\n");
        foreach (var c in characters)
            cmap.Append('<').Append(Cid(c)).Append("> <")
                .Append(((int)c).ToString("X4", CultureInfo.InvariantCulture)).Append(">\n");
        cmap.Append("endbfchar\nendcmap CMapName currentdict /CMap defineresource pop end end\n");

        string[] objects =
        [
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> "
                + "/Contents 4 0 R >>",
            Stream(content.ToString()),
            "<< /Type /Font /Subtype /Type0 /BaseFont /SimSun /Encoding /Identity-H /DescendantFonts [6 0 R] "
                + "/ToUnicode 7 0 R >>",
            "<< /Type /Font /Subtype /CIDFontType2 /BaseFont /SimSun "
                + "/CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> "
                + "/FontDescriptor 8 0 R /DW 1000 >>",
            Stream(cmap.ToString()),
            "<< /Type /FontDescriptor /FontName /SimSun /Flags 4 /FontBBox [0 -141 1000 859] /ItalicAngle 0 "
                + "/Ascent 859 /Descent -141 /CapHeight 683 /StemV 80 >>",
        ];

        var pdf = new StringBuilder("%PDF-1.4\n");
        var offsets = new List<int>();
        for (var i = 0; i < objects.Length; i++)
        {
            offsets.Add(Encoding.ASCII.GetByteCount(pdf.ToString()));
            pdf.Append(i + 1).Append(" 0 obj\n").Append(objects[i]).Append("\nendobj\n");
        }
        var xref = Encoding.ASCII.GetByteCount(pdf.ToString());
        pdf.Append("xref\n0 ").Append(objects.Length + 1).Append("\n0000000000 65535 f \n");
        foreach (var offset in offsets)
            pdf.Append(offset.ToString("D10", CultureInfo.InvariantCulture)).Append(" 00000 n \n");
        pdf.Append("trailer\n<< /Size ").Append(objects.Length + 1).Append(" /Root 1 0 R >>\nstartxref\n").Append(xref)
            .Append("\n%%EOF\n");
        return Encoding.ASCII.GetBytes(pdf.ToString());

        static string Stream(string data) =>
            $"<< /Length {Encoding.ASCII.GetByteCount(data)} >>\nstream\n{data}endstream";
    }
}
