// The signature fields stdok writes can really be signed: poppler's pdfsig signs one field of
// a generated contract, then a second on top, and reports both valid. The certificate is a
// throw-away self-signed one in an NSS database made here.
#include <gtest/gtest.h>

#include "test_support.h"

namespace stdok::testing {
namespace {

TEST(Signing, TwoSignaturesOnAGeneratedContractAreValid) {
  std::string dir = MakeTempDir();
  std::string nss = dir + "/nss";
  std::string records = SourceDir() + "/tests/data/one-bad-record.xml";
  auto render = RunCommand("SOURCE_DATE_EPOCH=1795000000 " + Quote(Binary()) + " render " + Quote(records) +
                           " -o " + Quote(dir + "/out") + " --trainee T-GOOD-1 --as-of 2026-11-22");
  ASSERT_EQ(render.exit_code, 0) << render.output;
  std::string pdf = dir + "/out/lukasz-zolkiewski/st-kontrakt.pdf";

  std::string setup =
      "set -e; mkdir -p " + Quote(nss) + "; cd " + Quote(nss) +
      "; certutil -N -d sql:. --empty-password"
      "; openssl req -x509 -newkey rsa:2048 -nodes -keyout key.pem -out cert.pem -days 2"
      " -subj '/CN=stdok test signer/O=stdok' 2>/dev/null"
      "; openssl pkcs12 -export -inkey key.pem -in cert.pem -out id.p12 -passout pass: -name signer"
      "; pk12util -i id.p12 -d sql:. -W ''"
      "; certutil -M -n signer -t CT,C,C -d sql:.";
  auto made = RunCommand(setup);
  ASSERT_EQ(made.exit_code, 0) << made.output;

  auto unsigned_list = RunCommand("pdfsig " + Quote(pdf));
  EXPECT_NE(unsigned_list.output.find("Signatur_ST_lakare"), std::string::npos) << unsigned_list.output;
  EXPECT_NE(unsigned_list.output.find("Signatur_Studierektor"), std::string::npos);

  auto first = RunCommand("pdfsig -nssdir sql:" + Quote(nss) + " -nick signer -sign Signatur_ST_lakare " +
                          Quote(pdf) + " " + Quote(dir + "/signed1.pdf"));
  ASSERT_EQ(first.exit_code, 0) << first.output;
  auto second = RunCommand("pdfsig -nssdir sql:" + Quote(nss) + " -nick signer -sign Signatur_Huvudhandledare " +
                           Quote(dir + "/signed1.pdf") + " " + Quote(dir + "/signed2.pdf"));
  ASSERT_EQ(second.exit_code, 0) << second.output;

  auto verify = RunCommand("pdfsig -nssdir sql:" + Quote(nss) + " " + Quote(dir + "/signed2.pdf"));
  size_t valid = 0;
  for (size_t at = verify.output.find("Signature is Valid."); at != std::string::npos;
       at = verify.output.find("Signature is Valid.", at + 1))
    ++valid;
  EXPECT_EQ(valid, 2u) << verify.output;
  EXPECT_NE(verify.output.find("Signature Field Name: Signatur_ST_lakare"), std::string::npos);
  EXPECT_NE(verify.output.find("Signature Field Name: Signatur_Huvudhandledare"), std::string::npos);
  EXPECT_EQ(RunCommand("qpdf --check " + Quote(dir + "/signed2.pdf")).exit_code, 0);
}

}  // namespace
}  // namespace stdok::testing
