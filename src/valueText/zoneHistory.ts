/**
 * Each zone's UTC offsets before 1970, from the compiled time zone database pyarrow reads on Linux
 * (Debian tzdata 2025b-0+deb12u2), made by scripts/gen/zone_history.py: do not edit. One line per history:
 * the zones that share it, "|", the offset before the first transition, then per transition the seconds
 * after the previous one (the first: epoch seconds) ":" the offset from it; numbers in base 36.
 */
export const ZONE_HISTORIES = `
Africa/Abidjan Africa/Timbuktu Iceland|-qw -u9rgl4:0
Africa/Accra|-1g -s9p1ak:0 24aamk:xc 1yhyo:0 cjvlc:xc 69weo:0 ci0xc:xc 69weo:0 ci0xc:xc 69weo:0 ci0xc:xc 69weo:0 cjvlc:xc 69weo:0 ci0xc:xc 69weo:0 ci0xc:xc 69weo:0 ci0xc:xc 69weo:0 cjvlc:xc 69weo:0 ci0xc:xc 69weo:0 ci0xc:xc 69weo:0 ci0xc:xc 69weo:0 cjvlc:xc 69weo:0 ci0xc:xc 69weo:0 ci0xc:xc 69weo:0 ci0xc:xc 69weo:0 cjvlc:xc 69weo:0 ci0xc:xc 69weo:0 ci0xc:xc 69weo:0 ci0xc:xc 69weo:0 683lc:xc cloeo:0 668xc:xc cloeo:0 1y8pc:1e0 21gem0:0 2fehm0:1e0 69vy0:0 ci1e0:1e0 69vy0:0 cjw20:1e0 69vy0:0 ci1e0:1e0 69vy0:0 ci1e0:1e0 69vy0:0 ci1e0:1e0 69vy0:0
Africa/Addis_Ababa|760 -1g6t8i0:76w ymedb4:8c0
Africa/Algiers|kc -154gb8c:fl afgo4r:0 2qx1nl:2s0 5luo0:0 8y800:2s0 a4tc0:0 7vc00:2s0 auqo0:0 7idc0:2s0 b7pc0:0 6sg00:2s0 cyo00:0 7ayo0:2s0 53c00:0 9idxc0:2s0 3i040:0 51mw0:2s0 253uk0:5k0 9o2k0:2s0 92040:5k0 8l3s0:2s0 jutc0:0 4uy840:2s0 3rdzw0:0
Africa/Asmara|778 -15r1gj8:76w o6mlcc:8c0
Africa/Asmera Africa/Nairobi|6tg -w6p5hg:6y0 aiwqjg:8c0 sg1a0:6y0 3nbte0:7n0 2wu1z0:8c0
Africa/Bamako|-1hc -u9rfuo:0 bk956o:-2s0 dqe840:0
Africa/Bangui|3fw -u9rkrw:2s0
Africa/Banjul|-330 -j6j690:-2s0 4m1rp0:0
Africa/Bissau|-2vw -u9rek0:-2s0
Africa/Blantyre|6hc -ui1t5c:6ja 1j56m2:6j0 5qqlca:5k0
Africa/Brazzaville|2tw -u9rk5w:2s0
Africa/Bujumbura|5fs -15r1ers:5k0
Africa/Cairo Egypt|5sl -1054wgl:5k0 krj48l:8c0 40d80:5k0 a31g0:8c0 7x3w0:5k0 a4w40:8c0 aqyk0:5k0 80ys0:8c0 b07w0:5k0 7tk40:8c0 b07w0:5k0 8jhg0:8c0 a8fw0:5k0 60go40:8c0 7el80:5k0 awo40:8c0 7v980:5k0 awqw0:8c0 7tk40:5k0 b07w0:8c0 7tk40:5k0 ayd80:8c0 7tk40:5k0 ayd80:8c0 7tk40:5k0 ayd80:8c0 7tk40:5k0 b07w0:8c0 7tk40:5k0 ayd80:8c0 7tk40:5k0 ayd80:8c0 7ves0:5k0 awik0:8c0 7ves0:5k0 ayd80:8c0 7ves0:5k0 awik0:8c0 7ves0:5k0
Africa/Casablanca|-1ek -tblt9g:0 di7nxg:2s0 3huk0:0 51k40:2s0 2znuk0:0 2dp9g0:2s0 776k0:0 8nt2s0:2s0 657w0:0
Africa/Ceuta|-zg -100edc0:0 91vek0:2s0 7x3w0:0 2vt440:2s0 8sqs0:0 ssyk0:2s0 8n6s0:0 9px80:2s0 905g0:0 a2yo0:2s0 902o0:0 k69dc0:2s0 657w0:0
Africa/Conakry|-2jg -u9resk:0 bk944k:-2s0 dhlk40:0
Africa/Dakar|-388 -u9re3s:-2s0 fcoa7s:0
Africa/Dar_es_Salaam|79w -kcrtxw:8c0 8ve49w:7n0 6sagp0:8c0
Africa/Djibouti|7zo -uj8fzo:8c0
Africa/Douala|1so -u9rj4o:2s0
Africa/El_Aaiun|-2g0 -isdxk0:-2s0
Africa/Freetown|-2gc -thmg7o:-2s0 a4v6zo:-1uo 681qo:-2s0 7vcxc:-1uo awkeo:-2s0 7vcxc:-1uo awkeo:-2s0 7vcxc:-1uo ayf2o:-2s0 7vcxc:-1uo awkeo:-2s0 7vcxc:-1uo awkeo:-2s0 7vcxc:-1uo e1j2o:-2s0 4qe9c:-1uo 7dqo:-2s0 16dy9c:0
Africa/Gaborone|4ss -18cyvgs:460 9h5hys:5k0 l5xqu0:8c0 9cyk0:5k0
Africa/Harare|5r0 -yvtf30:5k0
Africa/Johannesburg|56o -14nj6io:460 5rpt0o:5k0 kn7o60:8c0 9cyk0:5k0 9d440:8c0 9cyk0:5k0
Africa/Juba|5us -kcrsis:5k0
Africa/Kampala|604 -lnse04:8c0 s8lo4:6y0 9e6420:7n0 4p4vb0:8c0
Africa/Khartoum|60w -kcrsow:5k0
Africa/Kigali|5kg -i1ulkg:5k0
Africa/Kinshasa|2u0 -11ngdi0:2s0
Africa/Lagos|mn -xnxnan:0 1kdnan:mn 2ve7dd:1e0 2yfgkn:2s0
Africa/Libreville|1r0 -u9rj30:2s0
Africa/Lome|84 -146nmw4:0
Africa/Luanda|2g8 -14phh48:2es afpx08:2s0
Africa/Lubumbashi|534 -11ngfr4:2s0 bpwyb4:5k0
Africa/Lusaka|58k -yvtekk:5k0
Africa/Malabo|1mk -u9riyk:0 r44sak:2s0
Africa/Maputo|616 -vu3fd6:5k0
Africa/Maseru|53c -yvtefc:5k0 l5xrrc:8c0 9cyk0:5k0
Africa/Mbabane|5rc -yvtf3c:5k0
Africa/Mogadishu|8eg -13r0weg:8c0 je91eg:6y0 dkj2q0:8c0
Africa/Monrovia|-1zw -qj6zc4:-226
Africa/Ndjamena|2sc -u9rk4c:2s0
Africa/Niamey|e4 -u9rhq4:-2s0 bk99u4:0 dhlek0:2s0
Africa/Nouakchott|-2yc -u9redo:0 bk93po:-2s0 dyodg0:0
Africa/Ouagadougou|-a4 -u9rh1w:0
Africa/Porto-Novo|hg -u9rhtg:0 bk975g:2s0
Africa/Sao_Tome|18w -18vsjww:-1p9 em12kw:0
Africa/Tripoli Libya|2fw -q3gfrw:2s0 gl6ajw:5k0 422c0:2s0 xado0:5k0 4bbo0:2s0 wrpg0:5k0 4s580:2s0 1kdpg0:5k0
Africa/Tunis|1vw -1a9dr7w:fl fke44b:2s0 enxevl:5k0 b5uo0:2s0 53c00:5k0 u8w00:2s0 7x9g0:5k0 c8w80:2s0 7k800:5k0 z3w0:2s0 ew40:5k0 8bx80:2s0 9d440:5k0 9nx00:2s0 925o0:5k0 8l100:2s0
Africa/Windhoek|360 -14nj4i0:460 5rpr00:5k0 kn7o60:8c0 9cyk0:5k0
America/Adak America/Atka US/Aleutian|xya -1hc7qjz:-wpq h4z1xp:-uk0 ln70qa:-rs0 1wd180:-uk0 cawis0:-rs0 9cyk0:-uk0
America/Anchorage US/Alaska|12wo -1hc7qjz:-rrc h4ywzb:-rs0 ln72wo:-p00 1wd180:-rs0 cawis0:-p00 9cyk0:-rs0
America/Anguilla|-bog -u6m6zk:-b40
America/Antigua|-bg0 -u6m780:-dw0 k9mqg0:-b40
America/Araguaina|-8xc -t85j2o:-8c0 99k8mo:-5k0 9a9c0:-8c0 9io40:-5k0 99980:-8c0 8p65g0:-5k0 6zuo0:-8c0 bs2o0:-5k0 67zw0:-8c0 cjxg0:-5k0 69uk0:-8c0 cjxg0:-5k0 4ml80:-8c0 5mf440:-5k0 49mk0:-8c0 haas0:-5k0 316k0:-8c0 cls40:-5k0 4ml80:-8c0 cls40:-5k0 66580:-8c0 cls40:-5k0 67zw0:-8c0
America/Argentina/Buenos_Aires America/Buenos_Aires|-ato -138aaic:-bw0 db2bqc:-b40 5iv8k0:-8c0 67zw0:-b40 a4w40:-8c0 73h80:-b40 cls40:-8c0 66580:-b40 cls40:-8c0 66580:-b40 cls40:-8c0 66580:-b40 cls40:-8c0 67zw0:-b40 cls40:-8c0 66580:-b40 cls40:-8c0 66580:-b40 cls40:-8c0 66580:-b40 cls40:-8c0 67zw0:-b40 6a040:-8c0 hy7w0:-b40 6a040:-8c0 xovw0:-b40 3uys0:-8c0 18nbw0:-b40 b0dg0:-8c0 8ve2k0:-b40 3uys0:-8c0 3yik0:-b40 bqas0:-8c0 71mk0:-b40 bqas0:-8c0 71mk0:-b40 bqas0:-8c0 8ovw0:-b40 9d440:-8c0 9px80:-b40 9d440:-8c0 9cyk0:-b40 9d440:-8c0
America/Argentina/Catamarca America/Argentina/ComodRivadavia America/Catamarca|-c6k -138a95g:-bw0 db2adg:-b40 5iv8k0:-8c0 67zw0:-b40 a4w40:-8c0 73h80:-b40 cls40:-8c0 66580:-b40 cls40:-8c0 66580:-b40 cls40:-8c0 66580:-b40 cls40:-8c0 67zw0:-b40 cls40:-8c0 66580:-b40 cls40:-8c0 66580:-b40 cls40:-8c0 66580:-b40 cls40:-8c0 67zw0:-b40 6a040:-8c0 hy7w0:-b40 6a040:-8c0 xovw0:-b40 3uys0:-8c0 18nbw0:-b40 b0dg0:-8c0 8ve2k0:-b40 3uys0:-8c0 3yik0:-b40 bqas0:-8c0 71mk0:-b40 bqas0:-8c0 71mk0:-b40 bqas0:-8c0 8ovw0:-b40 9d440:-8c0 9px80:-b40 9d440:-8c0 9cyk0:-b40 9d440:-8c0
America/Argentina/Cordoba America/Cordoba America/Rosario|-bw0 -px7ys0:-b40 5iv8k0:-8c0 67zw0:-b40 a4w40:-8c0 73h80:-b40 cls40:-8c0 66580:-b40 cls40:-8c0 66580:-b40 cls40:-8c0 66580:-b40 cls40:-8c0 67zw0:-b40 cls40:-8c0 66580:-b40 cls40:-8c0 66580:-b40 cls40:-8c0 66580:-b40 cls40:-8c0 67zw0:-b40 6a040:-8c0 hy7w0:-b40 6a040:-8c0 xovw0:-b40 3uys0:-8c0 18nbw0:-b40 b0dg0:-8c0 8ve2k0:-b40 3uys0:-8c0 3yik0:-b40 bqas0:-8c0 71mk0:-b40 bqas0:-8c0 71mk0:-b40 bqas0:-8c0 8ovw0:-b40 9d440:-8c0 9px80:-b40 9d440:-8c0 9cyk0:-b40 9d440:-8c0
America/Argentina/Jujuy America/Jujuy|-c3c -138a98o:-bw0 db2ago:-b40 5iv8k0:-8c0 67zw0:-b40 a4w40:-8c0 73h80:-b40 cls40:-8c0 66580:-b40 cls40:-8c0 66580:-b40 cls40:-8c0 66580:-b40 cls40:-8c0 67zw0:-b40 cls40:-8c0 66580:-b40 cls40:-8c0 66580:-b40 cls40:-8c0 66580:-b40 cls40:-8c0 67zw0:-b40 6a040:-8c0 hy7w0:-b40 6a040:-8c0 xovw0:-b40 3uys0:-8c0 18nbw0:-b40 b0dg0:-8c0 8ve2k0:-b40 3uys0:-8c0 3yik0:-b40 bqas0:-8c0 71mk0:-b40 bqas0:-8c0 71mk0:-b40 bqas0:-8c0 8ovw0:-b40 9d440:-8c0 9px80:-b40 9d440:-8c0 9cyk0:-b40 9d440:-8c0
America/Argentina/La_Rioja|-cdo -138a8yc:-bw0 db2a6c:-b40 5iv8k0:-8c0 67zw0:-b40 a4w40:-8c0 73h80:-b40 cls40:-8c0 66580:-b40 cls40:-8c0 66580:-b40 cls40:-8c0 66580:-b40 cls40:-8c0 67zw0:-b40 cls40:-8c0 66580:-b40 cls40:-8c0 66580:-b40 cls40:-8c0 66580:-b40 cls40:-8c0 67zw0:-b40 6a040:-8c0 hy7w0:-b40 6a040:-8c0 xovw0:-b40 3uys0:-8c0 18nbw0:-b40 b0dg0:-8c0 8ve2k0:-b40 3uys0:-8c0 3yik0:-b40 bqas0:-8c0 71mk0:-b40 bqas0:-8c0 71mk0:-b40 bqas0:-8c0 8ovw0:-b40 9d440:-8c0 9px80:-b40 9d440:-8c0 9cyk0:-b40 9d440:-8c0
America/Argentina/Mendoza America/Mendoza|-cqs -138a8l8:-bw0 db29t8:-b40 5iv8k0:-8c0 67zw0:-b40 a4w40:-8c0 73h80:-b40 cls40:-8c0 66580:-b40 cls40:-8c0 66580:-b40 cls40:-8c0 66580:-b40 cls40:-8c0 67zw0:-b40 cls40:-8c0 66580:-b40 cls40:-8c0 66580:-b40 cls40:-8c0 66580:-b40 cls40:-8c0 67zw0:-b40 6a040:-8c0 hy7w0:-b40 6a040:-8c0 xovw0:-b40 3uys0:-8c0 18nbw0:-b40 b0dg0:-8c0 8ve2k0:-b40 3uys0:-8c0 3yik0:-b40 bqas0:-8c0 71mk0:-b40 bqas0:-8c0 71mk0:-b40 bqas0:-8c0 8ovw0:-b40 9d440:-8c0 9px80:-b40 9d440:-8c0 9cyk0:-b40 9d440:-8c0
America/Argentina/Rio_Gallegos|-ctg -138a8ik:-bw0 db29qk:-b40 5iv8k0:-8c0 67zw0:-b40 a4w40:-8c0 73h80:-b40 cls40:-8c0 66580:-b40 cls40:-8c0 66580:-b40 cls40:-8c0 66580:-b40 cls40:-8c0 67zw0:-b40 cls40:-8c0 66580:-b40 cls40:-8c0 66580:-b40 cls40:-8c0 66580:-b40 cls40:-8c0 67zw0:-b40 6a040:-8c0 hy7w0:-b40 6a040:-8c0 xovw0:-b40 3uys0:-8c0 18nbw0:-b40 b0dg0:-8c0 8ve2k0:-b40 3uys0:-8c0 3yik0:-b40 bqas0:-8c0 71mk0:-b40 bqas0:-8c0 71mk0:-b40 bqas0:-8c0 8ovw0:-b40 9d440:-8c0 9px80:-b40 9d440:-8c0 9cyk0:-b40 9d440:-8c0
America/Argentina/Salta|-c44 -138a97w:-bw0 db2afw:-b40 5iv8k0:-8c0 67zw0:-b40 a4w40:-8c0 73h80:-b40 cls40:-8c0 66580:-b40 cls40:-8c0 66580:-b40 cls40:-8c0 66580:-b40 cls40:-8c0 67zw0:-b40 cls40:-8c0 66580:-b40 cls40:-8c0 66580:-b40 cls40:-8c0 66580:-b40 cls40:-8c0 67zw0:-b40 6a040:-8c0 hy7w0:-b40 6a040:-8c0 xovw0:-b40 3uys0:-8c0 18nbw0:-b40 b0dg0:-8c0 8ve2k0:-b40 3uys0:-8c0 3yik0:-b40 bqas0:-8c0 71mk0:-b40 bqas0:-8c0 71mk0:-b40 bqas0:-8c0 8ovw0:-b40 9d440:-8c0 9px80:-b40 9d440:-8c0 9cyk0:-b40 9d440:-8c0
America/Argentina/San_Juan|-cos -138a8n8:-bw0 db29v8:-b40 5iv8k0:-8c0 67zw0:-b40 a4w40:-8c0 73h80:-b40 cls40:-8c0 66580:-b40 cls40:-8c0 66580:-b40 cls40:-8c0 66580:-b40 cls40:-8c0 67zw0:-b40 cls40:-8c0 66580:-b40 cls40:-8c0 66580:-b40 cls40:-8c0 66580:-b40 cls40:-8c0 67zw0:-b40 6a040:-8c0 hy7w0:-b40 6a040:-8c0 xovw0:-b40 3uys0:-8c0 18nbw0:-b40 b0dg0:-8c0 8ve2k0:-b40 3uys0:-8c0 3yik0:-b40 bqas0:-8c0 71mk0:-b40 bqas0:-8c0 71mk0:-b40 bqas0:-8c0 8ovw0:-b40 9d440:-8c0 9px80:-b40 9d440:-8c0 9cyk0:-b40 9d440:-8c0
America/Argentina/San_Luis|-cac -138a91o:-bw0 db2a9o:-b40 5iv8k0:-8c0 67zw0:-b40 a4w40:-8c0 73h80:-b40 cls40:-8c0 66580:-b40 cls40:-8c0 66580:-b40 cls40:-8c0 66580:-b40 cls40:-8c0 67zw0:-b40 cls40:-8c0 66580:-b40 cls40:-8c0 66580:-b40 cls40:-8c0 66580:-b40 cls40:-8c0 67zw0:-b40 6a040:-8c0 hy7w0:-b40 6a040:-8c0 xovw0:-b40 3uys0:-8c0 18nbw0:-b40 b0dg0:-8c0 8ve2k0:-b40 3uys0:-8c0 3yik0:-b40 bqas0:-8c0 71mk0:-b40 bqas0:-8c0 71mk0:-b40 bqas0:-8c0 8ovw0:-b40 9d440:-8c0 9px80:-b40 9d440:-8c0 9cyk0:-b40 9d440:-8c0
America/Argentina/Tucuman|-c2s -138a998:-bw0 db2ah8:-b40 5iv8k0:-8c0 67zw0:-b40 a4w40:-8c0 73h80:-b40 cls40:-8c0 66580:-b40 cls40:-8c0 66580:-b40 cls40:-8c0 66580:-b40 cls40:-8c0 67zw0:-b40 cls40:-8c0 66580:-b40 cls40:-8c0 66580:-b40 cls40:-8c0 66580:-b40 cls40:-8c0 67zw0:-b40 6a040:-8c0 hy7w0:-b40 6a040:-8c0 xovw0:-b40 3uys0:-8c0 18nbw0:-b40 b0dg0:-8c0 8ve2k0:-b40 3uys0:-8c0 3yik0:-b40 bqas0:-8c0 71mk0:-b40 bqas0:-8c0 71mk0:-b40 bqas0:-8c0 8ovw0:-b40 9d440:-8c0 9px80:-b40 9d440:-8c0 9cyk0:-b40 9d440:-8c0
America/Argentina/Ushuaia|-cnc -138a8oo:-bw0 db29wo:-b40 5iv8k0:-8c0 67zw0:-b40 a4w40:-8c0 73h80:-b40 cls40:-8c0 66580:-b40 cls40:-8c0 66580:-b40 cls40:-8c0 66580:-b40 cls40:-8c0 67zw0:-b40 cls40:-8c0 66580:-b40 cls40:-8c0 66580:-b40 cls40:-8c0 66580:-b40 cls40:-8c0 67zw0:-b40 6a040:-8c0 hy7w0:-b40 6a040:-8c0 xovw0:-b40 3uys0:-8c0 18nbw0:-b40 b0dg0:-8c0 8ve2k0:-b40 3uys0:-8c0 3yik0:-b40 bqas0:-8c0 71mk0:-b40 bqas0:-8c0 71mk0:-b40 bqas0:-8c0 8ovw0:-b40 9d440:-8c0 9px80:-b40 9d440:-8c0 9cyk0:-b40 9d440:-8c0
America/Aruba|-czc -u7lcco:-ci0 rlo7io:-b40
America/Asuncion|-aog -jy93zk:-b40
America/Atikokan|-gys -1353b18:-go0 c5efx8:-dw0 a2vw0:-go0 bfxjw0:-dw0
America/Bahia|-74s -t85kv8:-8c0 99kaf8:-5k0 9a9c0:-8c0 9io40:-5k0 99980:-8c0 8p65g0:-5k0 6zuo0:-8c0 bs2o0:-5k0 67zw0:-8c0 cjxg0:-5k0 69uk0:-8c0 cjxg0:-5k0 4ml80:-8c0 5mf440:-5k0 49mk0:-8c0 haas0:-5k0 316k0:-8c0 cls40:-5k0 4ml80:-8c0 cls40:-5k0 66580:-8c0 cls40:-5k0 67zw0:-8c0
America/Bahia_Banderas|-jho -p1u4k0:-jg0 2u5s00:-go0 1si580:-jg0 8jhg0:-go0 7x3w0:-jg0 9eys0:-go0 591h80:-jg0
America/Barbados|-b1h -ug8iaj:-b40 fzq06j:-8c0 6w840:-b40 cjrw0:-8c0 6hes0:-b40 b7mk0:-9q0 7ves0:-b40
America/Belem|-8z8 -t85j0s:-8c0 99k8ks:-5k0 9a9c0:-8c0 9io40:-5k0 99980:-8c0 8p65g0:-5k0 6zuo0:-8c0 bs2o0:-5k0 67zw0:-8c0 cjxg0:-5k0 69uk0:-8c0 cjxg0:-5k0 4ml80:-8c0 5mf440:-5k0 49mk0:-8c0 haas0:-5k0 316k0:-8c0 cls40:-5k0 4ml80:-8c0 cls40:-5k0 66580:-8c0 cls40:-5k0 67zw0:-8c0
America/Belize|-gc0 -u52ic0:-go0 3edkc0:-fa0 6ham0:-go0 c8s20:-fa0 6u9a0:-go0 bvte0:-fa0 6u9a0:-go0 bvte0:-fa0 6u9a0:-go0 c8s20:-fa0 6ham0:-go0 c8s20:-fa0 6ham0:-go0 c8s20:-fa0 6u9a0:-go0 bvte0:-fa0 6u9a0:-go0 bvte0:-fa0 6u9a0:-go0 bvte0:-fa0 6u9a0:-go0 c8s20:-fa0 6ham0:-go0 c8s20:-fa0 6ham0:-go0 c8s20:-fa0 6u9a0:-go0 bvte0:-fa0 6u9a0:-go0 bvte0:-fa0 6u9a0:-go0 c8s20:-fa0 6ham0:-go0 c8s20:-fa0 6ham0:-go0 c8s20:-fa0 6ham0:-go0 c8s20:-fa0 6u9a0:-go0 bvte0:-fa0 6u9a0:-go0 bvte0:-fa0 6u9a0:-go0 c8s20:-fa0 6ham0:-go0 c8s20:-fa0 6ham0:-go0 c8s20:-fa0 6u9a0:-go0 6uc20:-dw0 1t67w0:-go0 xulg0:-fa0 6u9a0:-go0 bvte0:-fa0 6u9a0:-go0 bvte0:-fa0 6u9a0:-go0 c8s20:-fa0 6ham0:-go0 c8s20:-fa0 6ham0:-go0 c8s20:-fa0 6u9a0:-go0 bvte0:-fa0 6u9a0:-go0 bvte0:-fa0 6u9a0:-go0 bvte0:-fa0 6u9a0:-go0 c8s20:-fa0 6ham0:-go0 c8s20:-fa0 6ham0:-go0 c8s20:-fa0 6u9a0:-go0 bvte0:-fa0 6u9a0:-go0 bvte0:-fa0 6u9a0:-go0 c8s20:-fa0 6ham0:-go0 c8s20:-fa0 6ham0:-go0 c8s20:-fa0 6ham0:-go0 c8s20:-fa0 6u9a0:-go0 bvte0:-fa0 6u9a0:-go0 bvte0:-fa0 6u9a0:-go0 c8s20:-fa0 6ham0:-go0
America/Blanc-Sablon|-aks -18vs838:-b40 hw37f8:-8c0 a2vw0:-b40 c5jxg0:-8c0 1wd180:-b40
America/Boa_Vista|-b8g -t85grk:-b40 99k93k:-8c0 9a9c0:-b40 9io40:-8c0 99980:-b40 8p65g0:-8c0 6zuo0:-b40 bs2o0:-8c0 67zw0:-b40 cjxg0:-8c0 69uk0:-b40 cjxg0:-8c0 4ml80:-b40 5mf440:-8c0 49mk0:-b40 haas0:-8c0 316k0:-b40 cls40:-8c0 4ml80:-b40 cls40:-8c0 66580:-b40 cls40:-8c0 67zw0:-b40
America/Bogota|-dps -srdoy8:-dw0
America/Boise|-lip -18y0gg0:-m80 hxltk0:-jg0 ast80:-m80 7x9g0:-jg0 ast80:-m80 1um840:-jg0 9s7jw0:-go0 1wd180:-jg0 b9gdg0:-go0 9cyk0:-jg0 9d440:-go0 9cyk0:-jg0 9d440:-go0 9cyk0:-jg0
America/Cambridge_Bay|0 -q3gdc0:-jg0 bjeec0:-go0 1wd180:-jg0
America/Campo_Grande|-a44 -t85hvw:-b40 99ka7w:-8c0 9a9c0:-b40 9io40:-8c0 99980:-b40 8p65g0:-8c0 6zuo0:-b40 bs2o0:-8c0 67zw0:-b40 cjxg0:-8c0 69uk0:-b40 cjxg0:-8c0 4ml80:-b40 5mf440:-8c0 49mk0:-b40 haas0:-8c0 316k0:-b40 cls40:-8c0 4ml80:-b40 cls40:-8c0 66580:-b40 cls40:-8c0 67zw0:-b40
America/Cancun|-g2g -p1u7c0:-go0
America/Caracas|-ce8 -15r0wxs:-ce4 bjfjzw:-ci0 rlo83w:-b40
America/Cayenne|-9ow -uj7yb4:-b40 tcw6r4:-8c0
America/Cayman|-f2k -15r0u9g:-e7y biv5te:-dw0
America/Chicago US/Central|-g8c -18y0m00:-go0 hxltk0:-dw0 ast80:-go0 7x9g0:-dw0 ast80:-go0 bvus0:-dw0 776k0:-go0 7kas0:-dw0 b5rw0:-go0 9d440:-dw0 7k580:-go0 b5xg0:-dw0 7x3w0:-go0 asys0:-dw0 7x3w0:-go0 asys0:-dw0 7x3w0:-go0 asys0:-dw0 7x3w0:-go0 asys0:-dw0 7x3w0:-go0 b5xg0:-dw0 7x3w0:-go0 asys0:-dw0 7x3w0:-go0 asys0:-dw0 7x3w0:-go0 asys0:-dw0 7x3w0:-go0 asys0:-dw0 7x3w0:-go0 b5xg0:-dw0 7k580:-go0 b5xg0:-dw0 7x3w0:-go0 asys0:-dw0 7x3w0:-go0 7x9g0:-dw0 dbjw0:-go0 8a840:-dw0 7x3w0:-go0 asys0:-dw0 7x3w0:-go0 b5xg0:-dw0 7k580:-go0 b5xg0:-dw0 7x3w0:-go0 asys0:-dw0 7x3w0:-go0 6w840:-dw0 1wd180:-go0 asys0:-dw0 7x3w0:-go0 asys0:-dw0 7x3w0:-go0 asys0:-dw0 7x3w0:-go0 asys0:-dw0 7x3w0:-go0 b5xg0:-dw0 7k580:-go0 b5xg0:-dw0 7x3w0:-go0 asys0:-dw0 7x3w0:-go0 asys0:-dw0 7x3w0:-go0 asys0:-dw0 7x3w0:-go0 asys0:-dw0 9px80:-go0 9d440:-dw0 9cyk0:-go0 9d440:-dw0 9cyk0:-go0 9d440:-dw0 9cyk0:-go0 9d440:-dw0 9cyk0:-go0 9d440:-dw0 9px80:-go0 9d440:-dw0 9cyk0:-go0 9d440:-dw0 9cyk0:-go0 9d440:-dw0 9cyk0:-go0 9d440:-dw0 9cyk0:-go0 9d440:-dw0 9px80:-go0 905g0:-dw0 9px80:-go0 9d440:-dw0 9cyk0:-go0 9d440:-dw0 9cyk0:-go0 9d440:-dw0 9cyk0:-go0
America/Chihuahua|-jn8 -p1u4k0:-jg0 2u5s00:-go0 1si580:-jg0 8jhg0:-go0 7x3w0:-jg0 9eys0:-go0
America/Ciudad_Juarez|-jpw -p1u4k0:-jg0 2u5s00:-go0 1si580:-jg0 8jhg0:-go0 7x3w0:-jg0 9eys0:-go0
America/Coral_Harbour America/Panama|-eq8 -15r0uls:-eso 9jvmqg:-dw0
America/Costa_Rica|-fkd -pjw8fn:-go0
America/Coyhaique|-dcg -15r0vzk:-d39 ag6l2t:-dw0 3dlssr:-d39 157b79:-b40 f4e0r:-d39 49hzb9:-b40 aye0r:-dw0 7ves0:-b40 awik0:-dw0 7ves0:-b40 awik0:-dw0 7ves0:-b40 awik0:-dw0 7ves0:-b40 ayd80:-dw0 7ves0:-b40 534ik0:-dw0 351g0:-b40 2fnh80:-dw0 2mg00:-b40 b73400:-8c0 7k580:-b40 c8tg0:-8c0
America/Creston|-lks -18vrx38:-jg0 h39xv8:-m80 vbus0:-jg0
America/Cuiaba|-adw -t85hm4:-b40 99k9y4:-8c0 9a9c0:-b40 9io40:-8c0 99980:-b40 8p65g0:-8c0 6zuo0:-b40 bs2o0:-8c0 67zw0:-b40 cjxg0:-8c0 69uk0:-b40 cjxg0:-8c0 4ml80:-b40 5mf440:-8c0 49mk0:-b40 haas0:-8c0 316k0:-b40 cls40:-8c0 4ml80:-b40 cls40:-8c0 66580:-b40 cls40:-8c0 67zw0:-b40
America/Curacao|-crn -u7lckd:-ci0 rlo7qd:-b40
America/Danmarkshavn|-3gg -rvusjk:-8c0
America/Dawson|-ptg -1079suk:-p00 97l62k:-m80 a2vw0:-p00 asys0:-m80 882c0:-p00 bmiwc0:-m80 1wd180:-p00 a7n3w0:-jg0 9q000:-p00
America/Dawson_Creek|-m9k -18vrweg:-m80 hw36ug:-jg0 a2vw0:-m80 c5jxg0:-jg0 1wd180:-m80 tj1g0:-jg0 7x3w0:-m80 asys0:-jg0 7x3w0:-m80 asys0:-jg0 7x3w0:-m80 b5xg0:-jg0 7k580:-m80 b5xg0:-jg0 7x3w0:-m80 asys0:-jg0 7x3w0:-m80 asys0:-jg0 7x3w0:-m80 asys0:-jg0 7x3w0:-m80 asys0:-jg0 7x3w0:-m80 b5xg0:-jg0 7x3w0:-m80 asys0:-jg0 7x3w0:-m80 asys0:-jg0 7x3w0:-m80 asys0:-jg0 7x3w0:-m80 asys0:-jg0 7x3w0:-m80 b5xg0:-jg0 7k580:-m80 b5xg0:-jg0 9cyk0:-m80 9d440:-jg0 9cyk0:-m80 9d440:-jg0 9cyk0:-m80 9d440:-jg0 9px80:-m80 905g0:-jg0 9px80:-m80 9d440:-jg0 9cyk0:-m80 9d440:-jg0 9cyk0:-m80 9d440:-jg0 9cyk0:-m80
America/Denver America/Shiprock Navajo US/Mountain|-jfw -18y0j80:-jg0 hxltk0:-go0 ast80:-jg0 7x9g0:-go0 ast80:-jg0 7x9g0:-go0 b5rw0:-jg0 7kas0:-go0 2vmk0:-jg0 ataw40:-go0 1wd180:-jg0 a7n9g0:-go0 9px80:-jg0 905g0:-go0 9px80:-jg0 9d440:-go0 9cyk0:-jg0 9d440:-go0 9cyk0:-jg0 9d440:-go0 9cyk0:-jg0
America/Detroit US/Michigan|-fdn -xx8dyd:-go0 5eraud:-dw0 dyeyk0:-b40 1wd180:-dw0 1c9440:-b40 7x3w0:-dw0 9rlbxo:-b40 71s2c:-dw0 9d440:-b40 9cyk0:-dw0
America/Dominica|-bdc -uj7wl0:-b40
America/Edmonton America/Yellowknife Canada/Mountain|-l0g -x1yazk:-jg0 629ink:-go0 a2vw0:-jg0 8n6s0:-go0 29ek0:-jg0 h6lg0:-go0 9px80:-jg0 905g0:-go0 7x3w0:-jg0 b5xg0:-go0 7k580:-jg0 b5xg0:-go0 7x3w0:-jg0 9l0g40:-go0 1wd180:-jg0 tj1g0:-go0 7x3w0:-jg0
America/Eirunepe|-cxs -t85f28:-dw0 99ka68:-b40 9a9c0:-dw0 9io40:-b40 99980:-dw0 8p65g0:-b40 6zuo0:-dw0 bs2o0:-b40 67zw0:-dw0 cjxg0:-b40 69uk0:-dw0 cjxg0:-b40 4ml80:-dw0 5mf440:-b40 49mk0:-dw0 haas0:-b40 316k0:-dw0 cls40:-b40 4ml80:-dw0 cls40:-b40 66580:-dw0 cls40:-b40 67zw0:-dw0
America/El_Salvador|-gio -pkm4tc:-go0
America/Ensenada America/Santa_Isabel America/Tijuana Mexico/BajaNorte|-lo4 -p1u4k0:-jg0 11juo0:-m80 1sm040:-jg0 1si580:-m80 71s40:-jg0 9cyk0:-m80 5iidg0:-jg0 1ux6k0:-m80 18uw40:-jg0 eluk0:-m80 oa5g0:-jg0 7iak0:-m80 b6300:-jg0 7x3w0:-m80 asys0:-jg0 7x3w0:-m80 tiyo0:-jg0 7x6o0:-m80 asw00:-jg0 7x6o0:-m80 b5uo0:-jg0 7x6o0:-m80 asw00:-jg0 7x6o0:-m80 asw00:-jg0 7x6o0:-m80 asw00:-jg0 7x6o0:-m80 asw00:-jg0 7x6o0:-m80
America/Fort_Nelson|-mpz -18vrvy1:-m80 hw36e1:-jg0 a2vw0:-m80 c5jxg0:-jg0 1wd180:-m80 tj1g0:-jg0 7x3w0:-m80 asys0:-jg0 7x3w0:-m80 asys0:-jg0 7x3w0:-m80 b5xg0:-jg0 7k580:-m80 b5xg0:-jg0 7x3w0:-m80 asys0:-jg0 7x3w0:-m80 asys0:-jg0 7x3w0:-m80 asys0:-jg0 7x3w0:-m80 asys0:-jg0 7x3w0:-m80 b5xg0:-jg0 7x3w0:-m80 asys0:-jg0 7x3w0:-m80 asys0:-jg0 7x3w0:-m80 asys0:-jg0 7x3w0:-m80 asys0:-jg0 7x3w0:-m80 b5xg0:-jg0 7k580:-m80 b5xg0:-jg0 9cyk0:-m80 9d440:-jg0 9cyk0:-m80 9d440:-jg0 9cyk0:-m80 9d440:-jg0 9px80:-m80 905g0:-jg0 9px80:-m80 9d440:-jg0 9cyk0:-m80 9d440:-jg0 9cyk0:-m80 9d440:-jg0 9cyk0:-m80
America/Fort_Wayne America/Indiana/Indianapolis America/Indianapolis US/East-Indiana|-fye -18y0m00:-go0 hxltk0:-dw0 ast80:-go0 7x9g0:-dw0 ast80:-go0 baw840:-dw0 51ek0:-go0 6w840:-dw0 1wd180:-go0 asys0:-dw0 7x3w0:-go0 asys0:-dw0 7x3w0:-go0 asys0:-dw0 7x3w0:-go0 asys0:-dw0 7x3w0:-go0 b5xg0:-dw0 7k580:-go0 b5xg0:-dw0 7x3w0:-go0 asys0:-dw0 7x3w0:-go0 asys0:-dw0 7x3w0:-go0 asys0:-dw0 7x3w0:-go0 asys0:-dw0 19q7w0:-go0 asys0:-dw0 5qonw0:-b40 9cyk0:-dw0
America/Fortaleza|-74o -t85kvc:-8c0 99kafc:-5k0 9a9c0:-8c0 9io40:-5k0 99980:-8c0 8p65g0:-5k0 6zuo0:-8c0 bs2o0:-5k0 67zw0:-8c0 cjxg0:-5k0 69uk0:-8c0 cjxg0:-5k0 4ml80:-8c0 5mf440:-5k0 49mk0:-8c0 haas0:-5k0 316k0:-8c0 cls40:-5k0 4ml80:-8c0 cls40:-5k0 66580:-8c0 cls40:-5k0 67zw0:-8c0
America/Glace_Bay|-b3o -z94kwc:-b40 89fk8c:-8c0 a2vw0:-b40 c5jxg0:-8c0 1wd180:-b40 3y8g40:-8c0 7x3w0:-b40
America/Godthab America/Nuuk|-9kw -rvumf4:-8c0
America/Goose_Bay|-b6s -18vs7h8:-9rg hw35go:-6zg a2vw0:-9rg 8kjbw0:-9q0 kzjyk:-6y0 7k580:-9q0 b5xg0:-6y0 7k580:-9q0 b5xg0:-6y0 7k580:-9q0 biw40:-6y0 776k0:-9q0 biw40:-6y0 7k580:-9q0 b5xg0:-6y0 7k580:-9q0 b5xg0:-6y0 1roo40:-9q0 biw40:-6y0 7k580:-9q0 b5xg0:-6y0 7k580:-9q0 b5xg0:-6y0 7k580:-9q0 b5xg0:-6y0 7k580:-9q0 biw40:-6y0 7k580:-9q0 ag040:-6y0 7x3w0:-9q0 asys0:-6y0 7x3w0:-9q0 asys0:-6y0 7x3w0:-9q0 asys0:-6y0 7x3w0:-9q0 asys0:-6y0 7x3w0:-9q0 b5xg0:-6y0 7x3w0:-9q0 asys0:-6y0 7x3w0:-9q0 asys0:-6y0 7x3w0:-9q0 asys0:-6y0 7x3w0:-9q0 asys0:-6y0 9px80:-9q0 9d440:-6y0 9cyk0:-9q0 9d440:-6y0 9cyk0:-9q0 9d440:-6y0 9cyk0:-9q0 9d440:-6y0 9cyk0:-9q0 9d440:-6y0 9px80:-9q0 6y2s0:-b40 22420:-8c0 9px80:-b40 9d440:-8c0 9cyk0:-b40 9d440:-8c0 9cyk0:-b40 9d440:-8c0 9cyk0:-b40
America/Grand_Turk|-d68 -15r0w5s:-e7y biv7pq:-dw0
America/Grenada|-bfo -uj7wkc:-b40
America/Guadeloupe|-be8 -ukehxs:-b40
America/Guatemala|-grg -qqqskk:-go0
America/Guayaquil|-es8 -15r0ujs:-ejc le9mf4:-dw0
America/Guyana|-arr -uhmik9:-b40 1va8c9:-af0
America/Halifax Canada/Atlantic|-bs0 -z94k80:-b40 777go0:-8c0 9et80:-b40 st9o0:-8c0 a2vw0:-b40 ssyk0:-8c0 5rbw0:-b40 cv1g0:-8c0 69uk0:-b40 c6ys0:-8c0 6kyk0:-b40 ci2s0:-8c0 67zw0:-b40 ci2s0:-8c0 6w2k0:-b40 bu040:-8c0 7lzw0:-b40 bu040:-8c0 66580:-b40 bu040:-8c0 7lzw0:-b40 bu040:-8c0 64ak0:-b40 cls40:-8c0 5v180:-b40 cv1g0:-8c0 6j3w0:-b40 c6ys0:-8c0 79180:-b40 b42s0:-8c0 7lzw0:-b40 b42s0:-8c0 7yyk0:-b40 bu040:-8c0 64ak0:-b40 dbpg0:-8c0 66580:-b40 cls40:-8c0 5ed80:-b40 bu040:-8c0 7lzw0:-b40 b42s0:-8c0 7lzw0:-b40 cjxg0:-8c0 66580:-b40 bh1g0:-8c0 7lzw0:-b40 b42s0:-8c0 7lzw0:-b40 6uj00:-8c0 1wd180:-b40 asys0:-8c0 7x3w0:-b40 asys0:-8c0 7x3w0:-b40 asys0:-8c0 7x3w0:-b40 asys0:-8c0 7x3w0:-b40 tw040:-8c0 7x3w0:-b40 asys0:-8c0 7x3w0:-b40 asys0:-8c0 7x3w0:-b40 asys0:-8c0 7x3w0:-b40 tw040:-8c0 7x3w0:-b40 asys0:-8c0 7x3w0:-b40 asys0:-8c0 7x3w0:-b40 asys0:-8c0 7x3w0:-b40 1cm2s0:-8c0 9cyk0:-b40 9d440:-8c0 9cyk0:-b40 9d440:-8c0 9cyk0:-b40 9d440:-8c0 9px80:-b40 905g0:-8c0 9px80:-b40 9d440:-8c0 9cyk0:-b40 9d440:-8c0 9cyk0:-b40 9d440:-8c0 9cyk0:-b40
America/Havana Cuba|-f94 -15r0u2w:-f9c ijto08:-dw0 1icfyo:-b40 69uk0:-dw0 62s040:-b40 4ofw0:-dw0 e1ms0:-b40 51ek0:-dw0 e1ms0:-b40 4ofw0:-dw0 1fhs40:-b40 4ofw0:-dw0 e1ms0:-b40 4ofw0:-dw0 9s9k40:-b40 67zw0:-dw0 cedg0:-b40 6h980:-dw0 9o840:-b40 7yyk0:-dw0 b5xg0:-b40 7k580:-dw0 bvus0:-b40 9cyk0:-dw0
America/Hermosillo|-kjs -p1u4k0:-jg0 2u5s00:-go0 1si580:-jg0 8jhg0:-go0 7x3w0:-jg0 9eys0:-go0 591h80:-jg0
America/Indiana/Knox America/Knox_IN US/Indiana-Starke|-g1i -18y0m00:-go0 hxltk0:-dw0 ast80:-go0 7x9g0:-dw0 ast80:-go0 bmtus0:-dw0 1wd180:-go0 tj1g0:-dw0 7x3w0:-go0 asys0:-dw0 7x3w0:-go0 asys0:-dw0 7x3w0:-go0 b5xg0:-dw0 7k580:-go0 b5xg0:-dw0 7x3w0:-go0 asys0:-dw0 7x3w0:-go0 asys0:-dw0 7x3w0:-go0 asys0:-dw0 7x3w0:-go0 asys0:-dw0 9px80:-go0 9d440:-dw0 9cyk0:-go0 9d440:-dw0 7x3w0:-go0 asys0:-dw0 7x3w0:-go0 asys0:-dw0 9cyk0:-go0 9d440:-dw0 9px80:-go0 9d440:-dw0 9cyk0:-go0 9d440:-dw0 s3180:-go0 1twas0:-dw0 9cyk0:-go0 9d440:-dw0 9cyk0:-go0 9d440:-dw0 9cyk0:-go0
America/Indiana/Marengo|-fzn -18y0m00:-go0 hxltk0:-dw0 ast80:-go0 7x9g0:-dw0 ast80:-go0 bmtus0:-dw0 1wd180:-go0 2wsas0:-dw0 7x3w0:-go0 1c9440:-dw0 7x3w0:-go0 asys0:-dw0 7x3w0:-go0 b5xg0:-dw0 7x3w0:-go0 asys0:-dw0 7x3w0:-go0 asys0:-dw0 7x3w0:-go0 asys0:-dw0 7x3w0:-go0 asys0:-dw0 7x3w0:-go0 b5xg0:-dw0 465h80:-b40 9cyk0:-dw0
America/Indiana/Petersburg|-g5v -18y0m00:-go0 hxltk0:-dw0 ast80:-go0 7x9g0:-dw0 ast80:-go0 bmtus0:-dw0 1wd180:-go0 501ek0:-dw0 7kas0:-go0 b5xg0:-dw0 7x3w0:-go0 asys0:-dw0 7x3w0:-go0 asys0:-dw0 7x3w0:-go0 asys0:-dw0 7x3w0:-go0 asys0:-dw0 7x3w0:-go0 b5xg0:-dw0 9cyk0:-go0 9d440:-dw0 9cyk0:-go0 9d440:-dw0 9cyk0:-go0 9d440:-dw0 9cyk0:-go0 9d440:-dw0 sfzw0:-go0 9d440:-dw0 9cyk0:-go0 9d440:-dw0 9cyk0:-go0 9d440:-dw0 9cyk0:-go0
America/Indiana/Tell_City|-g2f -18y0m00:-go0 hxltk0:-dw0 ast80:-go0 7x9g0:-dw0 ast80:-go0 bmtus0:-dw0 1wd180:-go0 501ek0:-dw0 7kas0:-go0 b5xg0:-dw0 7x3w0:-go0 asys0:-dw0 7x3w0:-go0 asys0:-dw0 7x3w0:-go0 asys0:-dw0 7x3w0:-go0 asys0:-dw0 7x3w0:-go0 b5xg0:-dw0 9cyk0:-go0 9d440:-dw0 9cyk0:-go0 9d440:-dw0 9cyk0:-go0 9d440:-dw0 1tw580:-go0 9d440:-dw0 9cyk0:-go0 9d440:-b40 9cvs0:-dw0
America/Indiana/Vevay|-fr4 -18y0m00:-go0 hxltk0:-dw0 ast80:-go0 7x9g0:-dw0 ast80:-go0 bmtus0:-dw0 1wd180:-go0 4gyis0:-dw0 7txx80:-b40 9cyk0:-dw0
America/Indiana/Vincennes|-g7j -18y0m00:-go0 hxltk0:-dw0 ast80:-go0 7x9g0:-dw0 ast80:-go0 bmtus0:-dw0 1wd180:-go0 asys0:-dw0 7x3w0:-go0 3fidg0:-dw0 7x3w0:-go0 asys0:-dw0 7x3w0:-go0 b5rw0:-dw0 7kas0:-go0 b5xg0:-dw0 7x3w0:-go0 asys0:-dw0 7x3w0:-go0 asys0:-dw0 7x3w0:-go0 asys0:-dw0 7x3w0:-go0 asys0:-dw0 9px80:-go0 9d440:-dw0 7k580:-go0 b5xg0:-dw0 9cyk0:-go0 9d440:-dw0 9cyk0:-go0 9d440:-dw0 2lz980:-b40 9cyk0:-dw0
America/Indiana/Winamac|-g1d -18y0m00:-go0 hxltk0:-dw0 ast80:-go0 7x9g0:-dw0 ast80:-go0 bmtus0:-dw0 1wd180:-go0 asys0:-dw0 7x3w0:-go0 asys0:-dw0 7x3w0:-go0 asys0:-dw0 7x3w0:-go0 asys0:-dw0 7x3w0:-go0 b5xg0:-dw0 7k580:-go0 b5xg0:-dw0 7x3w0:-go0 asys0:-dw0 7x3w0:-go0 asys0:-dw0 7x3w0:-go0 asys0:-dw0 7x3w0:-go0 asys0:-dw0 9px80:-go0 9d440:-dw0 9cyk0:-go0 9d440:-dw0 7x3w0:-go0 asys0:-dw0 7x3w0:-go0 asys0:-dw0 7x3w0:-go0 asys0:-dw0 7x3w0:-go0 b5xg0:-dw0 465h80:-b40 9cyk0:-dw0
America/Inuvik|0 -8ve5c0:-m80
America/Iqaluit America/Pangnirtung|0 -eb6ao0:-b40 1nh7c0:-dw0
America/Jamaica Jamaica|-e7y -u85og2:-dw0
America/Juneau|15rv -1hc7qjz:-ow5 h4yu44:-m80 ln707v:-jg0 1wd180:-m80 cawis0:-jg0 9cyk0:-m80
America/Kentucky/Louisville America/Louisville|-fvq -18y0m00:-go0 hxltk0:-dw0 ast80:-go0 7x9g0:-dw0 ast80:-go0 sg5g0:-dw0 6bp80:-go0 a98o40:-dw0 7x3w0:-go0 6w840:-dw0 1wd180:-go0 ast9o:-dw0 1sw2c:-go0 21gis0:-dw0 7k580:-go0 b5xg0:-dw0 7x3w0:-go0 asys0:-dw0 7x3w0:-go0 asys0:-dw0 7x3w0:-go0 asys0:-dw0 7x3w0:-go0 asys0:-dw0 7x3w0:-go0 b5xg0:-dw0 9cyk0:-go0 9d440:-dw0 9cyk0:-go0 9d440:-dw0 9cyk0:-go0 9d440:-dw0 9cyk0:-go0 9d440:-dw0 9px80:-go0 9d440:-dw0 3nfek0:-b40 9cyk0:-dw0 9d440:-b40 9cyk0:-dw0
America/Kentucky/Monticello|-fpo -18y0m00:-go0 hxltk0:-dw0 ast80:-go0 7x9g0:-dw0 ast80:-go0 bmtus0:-dw0 1wd180:-go0 bs6g40:-dw0 9cyk0:-go0 9d440:-dw0 9cyk0:-go0
America/Kralendijk America/Lower_Princes America/Marigot America/Puerto_Rico America/St_Barthelemy America/Virgin|-c8p -10xhp3b:-b40 mhp1jb:-8c0 1s3hg0:-b40
America/La_Paz|-cmc -jxzspo:-9uc 84ik0:-b40
America/Lima|-e9o -15r0v2c:-eac 9ov9co:-dw0 fcxjlo:-b40 4ml80:-dw0 93us0:-b40 9cyk0:-dw0 9d440:-b40 9cyk0:-dw0
America/Los_Angeles US/Pacific|-lwa -18y0gg0:-m80 hxltk0:-jg0 ast80:-m80 7x9g0:-jg0 ast80:-m80 bmtus0:-jg0 1wd180:-m80 1a3c5o:-jg0 f2iic:-m80 owao0:-jg0 7k800:-m80 b5uo0:-jg0 7x6o0:-m80 asw00:-jg0 7x6o0:-m80 asw00:-jg0 7x6o0:-m80 asw00:-jg0 7x6o0:-m80 asw00:-jg0 7x6o0:-m80 b5uo0:-jg0 7x6o0:-m80 asw00:-jg0 7x6o0:-m80 asw00:-jg0 7x6o0:-m80 asw00:-jg0 7x6o0:-m80 asw00:-jg0 7x6o0:-m80 b5uo0:-jg0 7k800:-m80 b5uo0:-jg0 9d1c0:-m80 9d1c0:-jg0 9d1c0:-m80 9d1c0:-jg0 9d1c0:-m80 9d1c0:-jg0 9q000:-m80 902o0:-jg0 9q000:-m80 9d440:-jg0 9cyk0:-m80 9d440:-jg0 9cyk0:-m80 9d440:-jg0 9cyk0:-m80
America/Maceio|-6m4 -t85ldw:-8c0 99kaxw:-5k0 9a9c0:-8c0 9io40:-5k0 99980:-8c0 8p65g0:-5k0 6zuo0:-8c0 bs2o0:-5k0 67zw0:-8c0 cjxg0:-5k0 69uk0:-8c0 cjxg0:-5k0 4ml80:-8c0 5mf440:-5k0 49mk0:-8c0 haas0:-5k0 316k0:-8c0 cls40:-5k0 4ml80:-8c0 cls40:-5k0 66580:-8c0 cls40:-5k0 67zw0:-8c0
America/Managua|-fz8 -15r0tcs:-fzc n7jmo4:-go0
America/Manaus Brazil/West|-b44 -t85gvw:-b40 99k97w:-8c0 9a9c0:-b40 9io40:-8c0 99980:-b40 8p65g0:-8c0 6zuo0:-b40 bs2o0:-8c0 67zw0:-b40 cjxg0:-8c0 69uk0:-b40 cjxg0:-8c0 4ml80:-b40 5mf440:-8c0 49mk0:-b40 haas0:-8c0 316k0:-b40 cls40:-8c0 4ml80:-b40 cls40:-8c0 66580:-b40 cls40:-8c0 67zw0:-b40
America/Martinique|-bb8 -umcvcs:-b40
America/Matamoros|-i20 -p1u7c0:-go0
America/Mazatlan Mexico/BajaSur|-jpg -p1u4k0:-jg0 2u5s00:-go0 1si580:-jg0 8jhg0:-go0 7x3w0:-jg0 9eys0:-go0 591h80:-jg0
America/Menominee|-g83 -17zjvrx:-go0 gz53bx:-dw0 ast80:-go0 7x9g0:-dw0 ast80:-go0 bmtus0:-dw0 1wd180:-go0 asys0:-dw0 7x3w0:-go0 a7n9g0:-dw0 9px80:-go0 1at9g0:-dw0
America/Merida|-glg -p1u7c0:-go0
America/Metlakatla|16au -1hc7qjz:-od6 h4ytl5:-m80 ln70qu:-jg0 1wd180:-m80 cawis0:-jg0 9cyk0:-m80
America/Mexico_City Mexico/General|-id0 -p1u4k0:-jg0 2u5s00:-go0 1si580:-jg0 8jhg0:-go0 7x3w0:-jg0 9eys0:-go0 3knek0:-dw0 776k0:-go0 rf440:-dw0 5t6k0:-go0 1evk40:-dw0 71mk0:-go0 30p1g0:-dw0 8n180:-go0
America/Miquelon|-aeg -uk1k9k:-b40
America/Moncton|-bzw -18wys04:-dw0 9nu9w4:-b40 89fhg0:-8c0 a2vw0:-b40 7mqqo0:-8c0 4ofw0:-b40 e1ms0:-8c0 4ofw0:-b40 e1ms0:-8c0 4ofw0:-b40 e1ms0:-8c0 4ofw0:-b40 e1ms0:-8c0 4ofw0:-b40 e1ms0:-8c0 4ofw0:-b40 dmtg0:-8c0 64ak0:-b40 cao40:-8c0 6fek0:-b40 bkqs0:-8c0 7iak0:-b40 6y5k0:-8c0 1wd180:-b40 asys0:-8c0 7x3w0:-b40 asys0:-8c0 7x3w0:-b40 asys0:-8c0 7x3w0:-b40 asys0:-8c0 7x3w0:-b40 b5xg0:-8c0 7k580:-b40 b5xg0:-8c0 7x3w0:-b40 asys0:-8c0 7x3w0:-b40 asys0:-8c0 7x3w0:-b40 asys0:-8c0 7x3w0:-b40 asys0:-8c0 7x3w0:-b40 b5xg0:-8c0 7x3w0:-b40 asys0:-8c0 9cyk0:-b40 9d440:-8c0 9cyk0:-b40 9d440:-8c0 9cyk0:-b40 9d440:-8c0 9px80:-b40 9d440:-8c0 9cyk0:-b40 9d440:-8c0 9cyk0:-b40 9d440:-8c0 9cyk0:-b40 9d440:-8c0 9cyk0:-b40 9d440:-8c0 9px80:-b40 905g0:-8c0 9px80:-b40 9d440:-8c0 9cyk0:-b40 9d440:-8c0 9cyk0:-b40 9d440:-8c0 9cyk0:-b40
America/Monterrey|-iks -p1u7c0:-jg0 2u5us0:-go0 1si580:-jg0 8jhg0:-go0 7x3w0:-jg0 9eys0:-go0
America/Montevideo|-aer -px8099:-b40 1s74p9:-8c0 9et80:-9q0 9exe0:-8c0 9czy0:-9q0 9exe0:-8c0 9czy0:-9q0 3ydyq0:-8c0 7x5a0:-9q0 asxe0:-8c0 7x5a0:-9q0 asxe0:-8c0 7x5a0:-9q0 asxe0:-8c0 7x5a0:-9q0 b5w20:-8c0 7k6m0:-9q0 b5w20:-8c0 7k6m0:-9q0 9q1e0:-8c0 9czy0:-9q0 asxe0:-8c0 7x5a0:-9q0 6do20:-8c0 ppvy0:-6y0 4mmm0:-8c0 8g9qq0:-6y0 901a0:-8c0 38pe0:-5k0 2inw0:-8c0 2nf9g0:-5k0 8zzw0:-8c0 1e3s40:-6y0 9o3y0:-8c0
America/Montreal America/Nipigon America/Thunder_Bay America/Toronto Canada/Eastern|-ep8 -1353das:-dw0 c5efes:-b40 a2vw0:-dw0 7yx60:-b40 aqzy0:-dw0 9q8c0:-b40 7jzo0:-dw0 bw0c0:-b40 6bp80:-dw0 cedg0:-b40 6h980:-dw0 c8tg0:-b40 6h980:-dw0 bvus0:-b40 776k0:-dw0 biw40:-b40 776k0:-dw0 biw40:-b40 776k0:-dw0 biw40:-b40 7k580:-dw0 b5xg0:-b40 7x3w0:-dw0 asys0:-b40 7x3w0:-dw0 asys0:-b40 7x3w0:-dw0 asys0:-b40 7x3w0:-dw0 b5xg0:-b40 7k580:-dw0 b5xg0:-b40 7x3w0:-dw0 asys0:-b40 7x3w0:-dw0 asys0:-b40 7x3w0:-dw0 asys0:-b40 7x3w0:-dw0 asys0:-b40 7x3w0:-dw0 asys0:-b40 7x3w0:-dw0 b5xg0:-b40 7k580:-dw0 b5xg0:-b40 2twfw0:-dw0 asys0:-b40 7x3w0:-dw0 asys0:-b40 7x3w0:-dw0 asys0:-b40 7x3w0:-dw0 asys0:-b40 b5rw0:-dw0 7x9g0:-b40 ast80:-dw0 7x9g0:-b40 7x3w0:-dw0 asys0:-b40 7x3w0:-dw0 asys0:-b40 7x3w0:-dw0 asys0:-b40 7x3w0:-dw0 asys0:-b40 7x3w0:-dw0 b5xg0:-b40 7x3w0:-dw0 asys0:-b40 9cyk0:-dw0 9d440:-b40 9cyk0:-dw0 9d440:-b40 9cyk0:-dw0 9d440:-b40 9px80:-dw0 9d440:-b40 9cyk0:-dw0 9d440:-b40 9cyk0:-dw0 9d440:-b40 9cyk0:-dw0 9d440:-b40 9cyk0:-dw0 9d440:-b40 9px80:-dw0 905g0:-b40 9px80:-dw0 9d440:-b40 9cyk0:-dw0 9d440:-b40 9cyk0:-dw0 9d440:-b40 9cyk0:-dw0
America/Montserrat|-bis -uj7wfk:-b40
America/Nassau|-ebu -u6m4c6:-dw0 fqrow6:-b40 1e5h80:-dw0 1lhg0:-b40 dbjw0:-dw0 9o00c0:-b40 9cyk0:-dw0 9d440:-b40 9px80:-dw0 905g0:-b40 9px80:-dw0 9d440:-b40 9cyk0:-dw0 9d440:-b40 9cyk0:-dw0 9d440:-b40 9cyk0:-dw0
America/New_York US/Eastern|-dpe -18y0os0:-dw0 hxltk0:-b40 ast80:-dw0 7x9g0:-b40 ast80:-dw0 7x9g0:-b40 b5rw0:-dw0 905g0:-b40 7x3w0:-dw0 b5xg0:-b40 7k580:-dw0 b5xg0:-b40 7x3w0:-dw0 asys0:-b40 7x3w0:-dw0 asys0:-b40 7x3w0:-dw0 asys0:-b40 7x3w0:-dw0 asys0:-b40 7x3w0:-dw0 b5xg0:-b40 7x3w0:-dw0 asys0:-b40 7x3w0:-dw0 asys0:-b40 7x3w0:-dw0 asys0:-b40 7x3w0:-dw0 asys0:-b40 7x3w0:-dw0 b5xg0:-b40 7k580:-dw0 b5xg0:-b40 7x3w0:-dw0 asys0:-b40 7x3w0:-dw0 asys0:-b40 7x3w0:-dw0 asys0:-b40 7x3w0:-dw0 asys0:-b40 7x3w0:-dw0 b5xg0:-b40 7k580:-dw0 b5xg0:-b40 7x3w0:-dw0 asys0:-b40 7x3w0:-dw0 6w840:-b40 1wd180:-dw0 asys0:-b40 7x3w0:-dw0 asys0:-b40 7x3w0:-dw0 asys0:-b40 7x3w0:-dw0 asys0:-b40 7x3w0:-dw0 b5xg0:-b40 7k580:-dw0 b5xg0:-b40 7x3w0:-dw0 asys0:-b40 7x3w0:-dw0 asys0:-b40 7x3w0:-dw0 asys0:-b40 7x3w0:-dw0 asys0:-b40 9px80:-dw0 9d440:-b40 9cyk0:-dw0 9d440:-b40 9cyk0:-dw0 9d440:-b40 9cyk0:-dw0 9d440:-b40 9cyk0:-dw0 9d440:-b40 9px80:-dw0 9d440:-b40 9cyk0:-dw0 9d440:-b40 9cyk0:-dw0 9d440:-b40 9cyk0:-dw0 9d440:-b40 9cyk0:-dw0 9d440:-b40 9px80:-dw0 905g0:-b40 9px80:-dw0 9d440:-b40 9cyk0:-dw0 9d440:-b40 9cyk0:-dw0 9d440:-b40 9cyk0:-dw0
America/Nome|101a -1hc7qjz:-umq h4yzup:-uk0 ln72ta:-rs0 1wd180:-uk0 cawis0:-rs0 9cyk0:-uk0
America/Noronha Brazil/DeNoronha|-604 -t85lzw:-5k0 99k8rw:-2s0 9a9c0:-5k0 9io40:-2s0 99980:-5k0 8p65g0:-2s0 6zuo0:-5k0 bs2o0:-2s0 67zw0:-5k0 cjxg0:-2s0 69uk0:-5k0 cjxg0:-2s0 4ml80:-5k0 5mf440:-2s0 49mk0:-5k0 haas0:-2s0 316k0:-5k0 cls40:-2s0 4ml80:-5k0 cls40:-2s0 66580:-5k0 cls40:-2s0 67zw0:-5k0
America/North_Dakota/Beulah|-iuj -18y0j80:-jg0 hxltk0:-go0 ast80:-jg0 7x9g0:-go0 ast80:-jg0 bmtus0:-go0 1wd180:-jg0 b9gdg0:-go0 9cyk0:-jg0 9d440:-go0 9cyk0:-jg0 9d440:-go0 9cyk0:-jg0
America/North_Dakota/Center|-irc -18y0j80:-jg0 hxltk0:-go0 ast80:-jg0 7x9g0:-go0 ast80:-jg0 bmtus0:-go0 1wd180:-jg0 b9gdg0:-go0 9cyk0:-jg0 9d440:-go0 9cyk0:-jg0 9d440:-go0 9cyk0:-jg0
America/North_Dakota/New_Salem|-is3 -18y0j80:-jg0 hxltk0:-go0 ast80:-jg0 7x9g0:-go0 ast80:-jg0 bmtus0:-go0 1wd180:-jg0 b9gdg0:-go0 9cyk0:-jg0 9d440:-go0 9cyk0:-jg0 9d440:-go0 9cyk0:-jg0
America/Ojinaga|-jc4 -p1u4k0:-jg0 2u5s00:-go0 1si580:-jg0 8jhg0:-go0 7x3w0:-jg0 9eys0:-go0
America/Paramaribo|-a7s -usj4g8:-a84 cixc0c:-a7o 5lydbk:-9q0
America/Phoenix US/Arizona|-kr6 -18y0j80:-jg0 hxltk0:-go0 ast80:-jg0 7x9g0:-go0 ast80:-jg0 bmtus0:-go0 zjedo:-jg0 4olg0:-go0 9et80:-jg0 bs6lmc:-go0 9cyk0:-jg0
America/Port-au-Prince|-de8 -15r0vxs:-ddo e4gmng:-dw0
America/Port_of_Spain|-be4 -u6m79w:-b40
America/Porto_Acre America/Rio_Branco Brazil/Acre|-ck0 -t85fg0:-dw0 99kak0:-b40 9a9c0:-dw0 9io40:-b40 99980:-dw0 8p65g0:-b40 6zuo0:-dw0 bs2o0:-b40 67zw0:-dw0 cjxg0:-b40 69uk0:-dw0 cjxg0:-b40 4ml80:-dw0 5mf440:-b40 49mk0:-dw0 haas0:-b40 316k0:-dw0 cls40:-b40 4ml80:-dw0 cls40:-b40 66580:-dw0 cls40:-b40 67zw0:-dw0
America/Porto_Velho|-bu0 -t85g60:-b40 99k8i0:-8c0 9a9c0:-b40 9io40:-8c0 99980:-b40 8p65g0:-8c0 6zuo0:-b40 bs2o0:-8c0 67zw0:-b40 cjxg0:-8c0 69uk0:-b40 cjxg0:-8c0 4ml80:-b40 5mf440:-8c0 49mk0:-b40 haas0:-8c0 316k0:-b40 cls40:-8c0 4ml80:-b40 cls40:-8c0 66580:-b40 cls40:-8c0 67zw0:-b40
America/Punta_Arenas|-d4s -15r0w78:-d39 ag6lah:-dw0 3dlssr:-d39 157b79:-b40 f4e0r:-d39 49hzb9:-b40 aye0r:-dw0 7ves0:-b40 awik0:-dw0 7ves0:-b40 awik0:-dw0 7ves0:-b40 awik0:-dw0 7ves0:-b40 ayd80:-dw0 7ves0:-b40 534ik0:-dw0 351g0:-b40 2fnh80:-dw0 2mg00:-b40 b73400:-8c0 7k580:-b40 c8tg0:-8c0
America/Rainy_River America/Winnipeg Canada/Central|-hzo -171bfcc:-go0 f0j80c:-dw0 7k580:-go0 tj700:-dw0 a2vw0:-go0 9ok840:-dw0 6u7w0:-go0 2a5hg0:-dw0 1wd180:-go0 biw40:-dw0 7x3w0:-go0 a31g0:-dw0 7x3w0:-go0 asys0:-dw0 7x3w0:-go0 asys0:-dw0 7x3w0:-go0 b7s40:-dw0 7tek0:-go0 autg0:-dw0 7x3w0:-go0 asys0:-dw0 7x3w0:-go0 asys0:-dw0 7x3w0:-go0 asys0:-dw0 7x3w0:-go0 asys0:-dw0 7x3w0:-go0 b5xg0:-dw0 7x3w0:-go0 asys0:-dw0 7x3w0:-go0 asys0:-dw0 7x3w0:-go0 asys0:-dw0 9cyk0:-go0 9d440:-dw0 7x3w0:-go0 1cm2s0:-dw0 7k580:-go0 1cm2s0:-dw0 9q000:-go0 9d1c0:-dw0 9d1c0:-go0 9d1c0:-dw0 9d1c0:-go0 9d1c0:-dw0 9d1c0:-go0
America/Rankin_Inlet|0 -6s8lc0:-go0
America/Recife|-6go -t85ljc:-8c0 99kb3c:-5k0 9a9c0:-8c0 9io40:-5k0 99980:-8c0 8p65g0:-5k0 6zuo0:-8c0 bs2o0:-5k0 67zw0:-8c0 cjxg0:-5k0 69uk0:-8c0 cjxg0:-5k0 4ml80:-8c0 5mf440:-5k0 49mk0:-8c0 haas0:-5k0 316k0:-8c0 cls40:-5k0 4ml80:-8c0 cls40:-5k0 66580:-8c0 cls40:-5k0 67zw0:-8c0
America/Regina Canada/Saskatchewan|-jdo -xkq9yc:-jg0 6l1hmc:-go0 a2vw0:-jg0 60enw0:-go0 7x3w0:-jg0 asys0:-go0 7x3w0:-jg0 asys0:-go0 7x3w0:-jg0 b5xg0:-go0 7k580:-jg0 b5xg0:-go0 7x3w0:-jg0 1b6840:-go0 9cyk0:-jg0 9d440:-go0 8zzw0:-jg0 9q2s0:-go0 9cyk0:-jg0 9q2s0:-go0 9cyk0:-jg0 9d440:-go0 9cyk0:-jg0 66gc0:-go0 1wd180:-jg0 a31g0:-go0 9cyk0:-jg0 a31g0:-go0 7x3w0:-jg0 asys0:-go0 7x3w0:-jg0 asys0:-go0 7x3w0:-jg0 b5xg0:-go0 7k580:-jg0 b5xg0:-go0 7x3w0:-jg0 asys0:-go0 7x3w0:-jg0 asys0:-go0 7x3w0:-jg0 asys0:-go0 7x3w0:-jg0 asys0:-go0 7x3w0:-jg0 b5xg0:-go0 7x3w0:-jg0 asys0:-go0 7x3w0:-jg0 tj1g0:-go0 9cyk0:-jg0 9d440:-go0
America/Resolute|0 -bnp9c0:-go0
America/Santarem|-a4o -t85hvc:-b40 99ka7c:-8c0 9a9c0:-b40 9io40:-8c0 99980:-b40 8p65g0:-8c0 6zuo0:-b40 bs2o0:-8c0 67zw0:-b40 cjxg0:-8c0 69uk0:-b40 cjxg0:-8c0 4ml80:-b40 5mf440:-8c0 49mk0:-b40 haas0:-8c0 316k0:-b40 cls40:-8c0 4ml80:-b40 cls40:-8c0 66580:-b40 cls40:-8c0 67zw0:-b40
America/Santiago Chile/Continental|-d39 -vauawr:-dw0 3dlssr:-d39 157b79:-b40 f4e0r:-d39 49hzb9:-b40 aye0r:-dw0 7ves0:-b40 awik0:-dw0 7ves0:-b40 awik0:-dw0 7ves0:-b40 awik0:-dw0 7ves0:-b40 ayd80:-dw0 7ves0:-b40 534ik0:-dw0 351g0:-b40 229zw0:-8c0 2b980:-b40 b2840:-dw0 2mg00:-b40 b73400:-8c0 7k580:-b40 c8tg0:-8c0
America/Santo_Domingo|-cy0 -15r0we0:-cyo mkixco:-dw0 hiw29c:-b40 67zw0:-dw0 1dy840:-ci0
America/Sao_Paulo Brazil/East|-8ms -t85jd8:-8c0 99k8x8:-5k0 9a9c0:-8c0 9io40:-5k0 99980:-8c0 8p65g0:-5k0 6zuo0:-8c0 bs2o0:-5k0 67zw0:-8c0 cjxg0:-5k0 69uk0:-8c0 cjxg0:-5k0 4ml80:-8c0 5k02s0:-5k0 6onw0:-8c0 haas0:-5k0 316k0:-8c0 cls40:-5k0 4ml80:-8c0 cls40:-5k0 66580:-8c0 cls40:-5k0 67zw0:-8c0
America/Scoresbysund|-42g -rvurxk:-5k0
America/Sitka|15lz -1hc7qjz:-p21 h4yua0:-m80 ln701z:-jg0 1wd180:-m80 cawis0:-jg0 9cyk0:-m80
America/St_Johns Canada/Newfoundland|-9rg -ris3ck:-6zg 8bx80:-9rg ar440:-6zg a2vw0:-9rg 9tjs0:-6zg 53980:-9rg dkys0:-6zg 9cyk0:-9rg 9d440:-6zg 9cyk0:-9rg 9q2s0:-6zg 8zzw0:-9rg 9q2s0:-6zg 8zzw0:-9rg 9q2s0:-6zg 8zzw0:-9rg 9q2s0:-6zg 8zzw0:-9rg 9q2s0:-6zg 9cyk0:-9rg 9d440:-6zg 9cyk0:-9rg 9q2s0:-6zg 8zzw0:-9rg 9q2s0:-6zg 8zzw0:-9rg 9q2s0:-6zg 8zzw0:-9rg 9q2s0:-6zg 8zzw0:-9rg 9q2s0:-6zg 9cyk0:-9rg 9q2s0:-6zg 8zzw0:-9rg 9q2s0:-6zg 8zzw0:-9rg 7tmw0:-9q0 1wfuk:-6y0 8zzw0:-9q0 a3480:-6y0 7k580:-9q0 b5xg0:-6y0 7k580:-9q0 b5xg0:-6y0 7k580:-9q0 biw40:-6y0 776k0:-9q0 biw40:-6y0 7k580:-9q0 b5xg0:-6y0 7k580:-9q0 b5xg0:-6y0 1roo40:-9q0 biw40:-6y0 7k580:-9q0 b5xg0:-6y0 7k580:-9q0 b5xg0:-6y0 7k580:-9q0 b5xg0:-6y0 7k580:-9q0 biw40:-6y0 7k580:-9q0 ag040:-6y0 7x3w0:-9q0 asys0:-6y0 7x3w0:-9q0 asys0:-6y0 7x3w0:-9q0 asys0:-6y0 7x3w0:-9q0 asys0:-6y0 7x3w0:-9q0 b5xg0:-6y0 7x3w0:-9q0 asys0:-6y0 7x3w0:-9q0 asys0:-6y0 7x3w0:-9q0 asys0:-6y0 7x3w0:-9q0 asys0:-6y0 9px80:-9q0 9d440:-6y0 9cyk0:-9q0 9d440:-6y0 9cyk0:-9q0 9d440:-6y0 9cyk0:-9q0 9d440:-6y0 9cyk0:-9q0 9d440:-6y0 9px80:-9q0 905g0:-6y0 9px80:-9q0 9d440:-6y0 9cyk0:-9q0 9d440:-6y0 9cyk0:-9q0 9d440:-6y0 9cyk0:-9q0
America/St_Kitts|-bm4 -u6m71w:-b40
America/St_Lucia|-bao -u9r61c:-b40
America/St_Thomas|-c0w -uj7vz4:-b40
America/St_Vincent|-bc8 -u9r5zs:-b40
America/Swift_Current|-jyw -xkq9d4:-jg0 6l1h14:-go0 a2vw0:-jg0 c5jxg0:-go0 1wd180:-jg0 asys0:-go0 8n180:-jg0 a31g0:-go0 7x3w0:-jg0 asys0:-go0 7x3w0:-jg0 asys0:-go0 7x3w0:-jg0 3yles0:-go0 9cyk0:-jg0 s36s0:-go0 9cyk0:-jg0 9d440:-go0 7x3w0:-jg0 b5xg0:-go0 7k580:-jg0
America/Tegucigalpa|-g5g -pfzh6k:-go0
America/Thule|-cqk -rvuj9g:-b40
America/Tortola|-bys -uj7w18:-b40
America/Vancouver Canada/Pacific|-mss -18vrvv8:-m80 hw36b8:-jg0 a2vw0:-m80 c5jxg0:-jg0 1wd180:-m80 asys0:-jg0 7x3w0:-m80 asys0:-jg0 7x3w0:-m80 asys0:-jg0 7x3w0:-m80 asys0:-jg0 7x3w0:-m80 b5xg0:-jg0 7k580:-m80 b5xg0:-jg0 7x3w0:-m80 asys0:-jg0 7x3w0:-m80 asys0:-jg0 7x3w0:-m80 asys0:-jg0 7x3w0:-m80 asys0:-jg0 7x3w0:-m80 b5xg0:-jg0 7x3w0:-m80 asys0:-jg0 7x3w0:-m80 asys0:-jg0 7x3w0:-m80 asys0:-jg0 7x3w0:-m80 asys0:-jg0 7x3w0:-m80 b5xg0:-jg0 7k580:-m80 b5xg0:-jg0 9cyk0:-m80 9d440:-jg0 9cyk0:-m80 9d440:-jg0 9cyk0:-m80 9d440:-jg0 9px80:-m80 905g0:-jg0 9px80:-m80 9d440:-jg0 9cyk0:-m80 9d440:-jg0 9cyk0:-m80 9d440:-jg0 9cyk0:-m80
America/Whitehorse Canada/Yukon|-p0c -1079tno:-p00 97l6vo:-m80 a2vw0:-p00 asys0:-m80 882c0:-p00 bmiwc0:-m80 1wd180:-p00 a7n3w0:-jg0 9q000:-p00 64dc0:-m80
America/Yakutat|14sh -1hc7qjz:-pvj h4yv3i:-p00 ln720h:-m80 1wd180:-p00 cawis0:-m80 9cyk0:-p00
Antarctica/Casey|0 -irxc0:m80
Antarctica/Davis|0 -6rmdc0:jg0 42jdw0:0 27wgs0:jg0
Antarctica/DumontDUrville|0 -c05eo0:rs0 2mks80:0 2i72g0:rs0
Antarctica/Macquarie|0 -10mb9c0:rs0 8ts4g0:uk0 902o0:rs0 11wns0:0 f4kh40:rs0 a6p8g0:uk0 9d1c0:rs0 asw00:uk0 6uao0:rs0 bvs00:uk0
Antarctica/Mawson|0 -8aelc0:go0
Antarctica/McMurdo|0 -7b2dc0:xc0
Antarctica/Palmer|0 -2lxhc0:-8c0 31ho0:-b40 bqas0:-8c0 71mk0:-b40 bqas0:-8c0 8ovw0:-b40 9d440:-8c0 9px80:-b40 9d440:-8c0 9cyk0:-b40 9d440:-8c0
Antarctica/Rothera Antarctica/Troll Etc/GMT Etc/GMT+0 Etc/GMT-0 Etc/GMT0 Etc/Greenwich Etc/UCT Etc/UTC Etc/Universal Etc/Zulu Factory GMT GMT+0 GMT-0 GMT0 Greenwich UCT UTC Universal WET Zulu|0
Antarctica/South_Pole NZ Pacific/Auckland|wd4 -1gsoz14:vy0 usn9z4:yq0 64ak0:vy0 biw40:xc0 7x5a0:vy0 asxe0:xc0 7x5a0:vy0 asxe0:xc0 7x5a0:vy0 asxe0:xc0 8a3y0:vy0 afyq0:xc0 8a3y0:vy0 afyq0:xc0 afvy0:vy0 7x820:xc0 asum0:vy0 7x820:xc0 asum0:vy0 7x820:xc0 asum0:vy0 7x820:xc0 asum0:vy0 7x820:xc0 b5ta0:vy0 7k9e0:xc0 b5ta0:vy0 7x820:xc0
Antarctica/Syowa|0 -6qsqo0:8c0
Antarctica/Vostok|0 -6aaao0:jg0
Arctic/Longyearbyen Atlantic/Jan_Mayen Europe/Berlin|2h4 -1421154:2s0 c1n0x4:5k0 7ves0:2s0 a4yw0:5k0 7x6o0:2s0 asw00:5k0 7x6o0:2s0 b8qdc0:5k0 1cm000:2s0 7k800:5k0 9q000:2s0 9d1c0:5k0 9d1c0:2s0 9d1c0:5k0 2o7w0:8c0 6bs00:5k0 2txg0:2s0 7k800:5k0 91xc0:2s0 9b9g0:5k0 1sqk0:8c0 2inw0:5k0 51k40:2s0 a2yo0:5k0 8n400:2s0 9q000:5k0 902o0:2s0
Asia/Aden|8bu -afs0bu:8c0
Asia/Almaty|e90 -nu1a90:dw0 37a0d0:go0
Asia/Amman|6nk -kcrtbk:5k0
Asia/Anadyr|wv8 -nu1sv8:xc0 379zj8:1040
Asia/Aqtau|9b4 -nu15b4:b40 379y74:dw0
Asia/Aqtobe|al4 -nu16l4:b40 379zh4:dw0
Asia/Ashgabat Asia/Ashkhabad|at8 -nu16t8:b40 379zp8:dw0
Asia/Atyrau|9m8 -nu15m8:8c0 37a1a8:dw0
Asia/Baghdad|884 -15r1hk4:880 em11c4:8c0
Asia/Bahrain|9d8 -eukpd8:9q0 1a1eb8:b40
Asia/Baku|98c -nu158c:8c0 h4tkwc:b40
Asia/Bangkok|im4 -pysda4:jg0
Asia/Barnaul|fic -q4ljic:go0 5hu6uc:jg0
Asia/Beirut|6ko -1ayy98o:5k0 kzyuco:8c0 aunw0:5k0 88dg0:8c0 9et80:5k0 8yas0:8c0 a2vw0:5k0 a31g0:8c0 7k580:5k0 hjqo40:8c0 7v980:5k0 awo40:8c0 7v980:5k0 awo40:8c0 7v980:5k0 ayis0:8c0 7v980:5k0 awo40:8c0 7v980:5k0
Asia/Bishkek|dtc -nu19tc:dw0 379zxc:go0
Asia/Brunei|la4 -mvofy4:ku0 3khxs4:m80
Asia/Calcutta Asia/Kolkata|gd4 -1oaa314:gcw 83glc8:eva isc6tm:fa0 innm9a:i20 bmfw0:fa0 5lxg0:i20 1mn180:fa0
Asia/Chita|l0g -q4cfog:m80 5hkxgg:p00
Asia/Choibalsan Asia/Ulaanbaatar Asia/Ulan_Bator|jsk -xmcrsk:jg0
Asia/Chongqing Asia/Chungking Asia/Harbin Asia/Shanghai PRC|mhj -100eztj:m80 9jeyxj:p00 8sl80:m80 asbpg0:p00 6w2k0:m80 7ves0:p00 bxjw0:m80 4mqs0:p00 1vduk0:m80 d4as0:p00 75bw0:m80 a31g0:p00 aaak0:m80 9d440:p00 7v980:m80 awo40:p00 1dx80:m80
Asia/Colombo|esc -1ayyhgc:esk dkh6ns:fa0 isle6k:go0 cajy0:i20 1mp2u0:fa0
Asia/Dacca Asia/Dhaka|gqs -15r1q2s:gcw r080dw:i20 bmgyw:fa0 5lxg0:i20 4qknw0:go0
Asia/Damascus|6q0 -q3gk20:5k0 5k6q0:8c0 8n180:5k0 a31g0:8c0 8n180:5k0 a31g0:8c0 8n180:5k0 a31g0:8c0 8zzw0:5k0 k4hk40:8c0 7yyk0:5k0 awo40:8c0 7tek0:5k0 b0dg0:8c0 7v980:5k0 awo40:8c0 7tek0:5k0 alk40:8c0 887w0:5k0 awo40:8c0 7v980:5k0 ayis0:8c0 7v980:5k0 awo40:8c0 7v980:5k0
Asia/Dili|n98 -u9s3k0:m80 fqct80:p00
Asia/Dubai|a8o -q3gnko:b40
Asia/Dushanbe|cqo -nu18qo:dw0 379yuo:go0
Asia/Famagusta|6ac -p4bqac:5k0
Asia/Gaza|6ds -1054x1s:5k0 kp9t1s:8c0 69xc0:5k0 2f1c0:8c0 10q800:5k0 7rmo0:8c0 b0ao0:5k0 7thc0:8c0 b0ao0:5k0 8jeo0:8c0 a8io0:5k0 8jeo0:8c0 a8io0:5k0 5hoig0:8c0 7el80:5k0 awo40:8c0 7v980:5k0 awqw0:8c0 7tk40:5k0 b07w0:8c0 7tk40:5k0 ayd80:8c0 7tk40:5k0 ayd80:8c0 7tk40:5k0 ayd80:8c0 7tk40:5k0 b07w0:8c0 7tk40:5k0 ayd80:8c0 7tk40:5k0 ayd80:8c0 7ves0:5k0 awik0:8c0 1sns0:5k0
Asia/Hebron|6hz -1054x5z:5k0 kp9t5z:8c0 69xc0:5k0 2f1c0:8c0 10q800:5k0 7rmo0:8c0 b0ao0:5k0 7thc0:8c0 b0ao0:5k0 8jeo0:8c0 a8io0:5k0 8jeo0:8c0 a8io0:5k0 5hoig0:8c0 7el80:5k0 awo40:8c0 7v980:5k0 awqw0:8c0 7tk40:5k0 b07w0:8c0 7tk40:5k0 ayd80:8c0 7tk40:5k0 ayd80:8c0 7tk40:5k0 ayd80:8c0 7tk40:5k0 b07w0:8c0 7tk40:5k0 ayd80:8c0 7tk40:5k0 ayd80:8c0 7ves0:5k0 awik0:8c0 1sns0:5k0
Asia/Ho_Chi_Minh Asia/Saigon|jqu -umdqeu:jg0 gj25iu:m80 15ct80:p00 8so00:jg0 tmtk0:m80 4azmo0:jg0 2cm7w0:m80
Asia/Hong_Kong Hongkong|l56 -y0i0s0:m80 j44dk0:p00 5k000:nm0 4d4y0:p00 2195i0:m80 7x3w0:p00 bj320:m80 6uao0:p00 bvs00:m80 7x6o0:p00 9d1c0:m80 7x6o0:p00 asw00:m80 7x6o0:p00 asw00:m80 7x6o0:p00 asw00:m80 8a5c0:p00 asw00:m80 7x6o0:p00 ast80:m80 77c40:p00 biqk0:m80 77c40:p00 bvp80:m80 6udg0:p00 bvp80:m80 77c40:p00 biqk0:m80 77c40:p00 biqk0:m80 77c40:p00 biqk0:m80 77c40:p00 bvp80:m80 6udg0:p00 bvp80:m80 6udg0:p00 bvp80:m80 77c40:p00 biqk0:m80 77c40:p00 biqk0:m80 8n6s0:p00 9cyk0:m80 9d440:p00 9cyk0:m80 9d440:p00 9px80:m80 9d440:p00 9cyk0:m80 9d440:p00 9cyk0:m80
Asia/Hovd|gz0 -xmcoz0:go0
Asia/Irkutsk|jb5 -q28gn5:jg0 5fh175:m80
Asia/Istanbul Europe/Istanbul Turkey|5d4 -1ayy814:5ew g1oam8:5k0 2wvx6w:8c0 7v980:5k0 1tjc40:8c0 aunw0:5k0 88dg0:8c0 9et80:5k0 8yas0:8c0 a2vw0:5k0 tzpg0:8c0 79180:5k0 awo40:8c0 7v980:5k0 7p4040:8c0 4zjw0:5k0 2vs40:8c0 f4d80:5k0 9vms0:8c0 1u5ek0:5k0 c5440:8c0 69uk0:5k0 acas0:8c0 8n180:5k0 a31g0:8c0 8n180:5k0 9q2s0:8c0 8zzw0:5k0 a31g0:8c0 8zzw0:5k0 a31g0:8c0 8n180:5k0 5md9g0:8c0 o9zw0:5k0 a6qs0:8c0 75bw0:5k0
Asia/Jakarta|js0 -o0bdpc:kdc 4lzxc0:ku0 4wdzjc:p00 1tu960:ku0 1cx860:m80 11jta0:ku0 74uc20:jg0
Asia/Jayapura|q20 -jebm20:p00 66bqe0:qe0 a37vy0:p00
Asia/Jerusalem Asia/Tel_Aviv Israel|6iu -1ayy96u:6ig jtxuoe:5k0 bp5aig:8c0 69xc0:5k0 2f1c0:8c0 10q800:5k0 7rmo0:8c0 b0ao0:5k0 7thc0:8c0 b0ao0:5k0 8jeo0:8c0 a8io0:5k0 8jeo0:8c0 a8io0:5k0 t9pc0:b40 571c0:8c0 34yo0:5k0 9b6o0:8c0 9gqo0:5k0 8jeo0:8c0 7thc0:5k0 a6o00:8c0 bitc0:5k0 8a5c0:8c0 9d1c0:5k0 902o0:8c0 7x6o0:5k0 e1k00:8c0 4oio0:5k0 e1k00:8c0 4oio0:5k0 dolc0:8c0 64dc0:5k0 asw00:8c0 7k800:5k0
Asia/Kabul|ctc -15r1m5c:b40 spc1pc:ci0
Asia/Kamchatka|tdo -olrupo:uk0 3z045o:xc0
Asia/Karachi|cf0 -wvpb30:fa0 im3zt0:i20 1mn180:fa0 33xpg0:dw0
Asia/Kashgar Asia/Urumqi|g7w -lx5pjw:go0
Asia/Kathmandu Asia/Katmandu|fss -q3gt4s:fa0
Asia/Khandyga|p3p -q4cjrp:m80 5hl1jp:p00
Asia/Krasnoyarsk|h72 -q37l72:go0 5gg8j2:jg0
Asia/Kuala_Lumpur|ity -100ew5y:j8d 2ax69l:jg0 eeb94d:kdc 4it32o:ku0 8n3jc:p00 1v2p60:ku0
Asia/Kuching|kfk -mvof3k:ku0 3khwxk:m80 1epvy0:n5c 4ohqo:m80 e5a9c:n5c 4ohqo:m80 e3flc:n5c 4ohqo:m80 e3flc:n5c 4ohqo:m80 e3flc:n5c 4ohqo:m80 e5a9c:n5c 4ohqo:m80 e3flc:n5c 4ohqo:m80 3ajlc:p00 1v2qk0:m80
Asia/Kuwait|8vw -afs0vw:8c0
Asia/Macao Asia/Macau|l0y -y0i2cy:m80 jdvyoy:p00 6onw0:rs0 ac580:p00 8fs40:rs0 7v980:p00 11luw0:m80 awlc0:p00 7vc00:m80 ac800:p00 bko00:m80 7x6o0:p00 9d1c0:m80 7vc00:p00 asw00:m80 7x6o0:p00 asw00:m80 7x6o0:p00 auqo0:m80 88ao0:p00 asw00:m80 7x6o0:p00 asw00:m80 779c0:p00 bitc0:m80 779c0:p00 bvs00:m80 6uao0:p00 bw1q0:m80 77c40:p00 biqk0:m80 77c40:p00 biqk0:m80 77c40:p00 biqk0:m80 77c40:p00 bvp80:m80 6udg0:p00 bvp80:m80 6udg0:p00 bvp80:m80 77c40:p00 biqk0:m80 77c40:p00 biqk0:m80 8n6s0:p00 9cvs0:m80 9d6w0:p00 9cvs0:m80 9d6w0:p00 9px80:m80 9d440:p00 9cyk0:m80 9d440:p00 9cyk0:m80
Asia/Magadan|rxc -nu1nxc:rs0 37a05c:uk0
Asia/Makassar Asia/Ujung_Pandang|m40 -jebi40:m80 4u87w0:p00 1w02k0:m80
Asia/Manila|-189k -1t8ix2g:meg sjc9ig:m80 je0pc0:p00 3wnw0:m80 2kc5g0:p00 22dp80:m80 4d3ms0:p00 2rx80:m80
Asia/Muscat|auo -q3go6o:b40
Asia/Nicosia Europe/Nicosia|66g -p4bq6g:5k0
Asia/Novokuznetsk|g5c -nu36tc:go0 37bu5c:jg0
Asia/Novosibirsk|fcs -q4do0s:go0 5hmbcs:jg0
Asia/Omsk|dl6 -q5xmx6:dw0 5j6d16:go0
Asia/Oral|9ic -nu15ic:8c0 37a16c:dw0
Asia/Phnom_Penh|jfg -x568rg:jqu 2isicm:jg0 gj25iu:m80 15ct80:p00 8so00:jg0
Asia/Pontianak|k8w -jebg8w:ku0 4tnu2w:p00 1wkei0:ku0 1cx860:m80 11jta0:ku0 74uc20:m80
Asia/Pyongyang|nac -w895yc:nm0 1yh10c:p00
Asia/Qatar|9jk -q3gmvk:b40
Asia/Qostanay|bs4 -nu17s4:b40 37a0o4:dw0
Asia/Qyzylorda|c4g -nu184g:b40 37a10g:dw0
Asia/Rangoon Asia/Yangon|htb -q3gv5b:i20 bnjp3b:p00 1kh520:i20
Asia/Riyadh|8ng -bwgbbg:8c0
Asia/Sakhalin|qfc -xl87rc:p00 kvnarc:uk0
Asia/Samarkand|ceh -nu18eh:b40 37a1ah:dw0
Asia/Seoul ROK|nig -w8966g:nm0 1yh18g:p00 j07fy0:rs0 5cik0:p00 ae5g0:rs0 8a2k0:p00 ae5g0:rs0 8bx80:p00 c8tg0:rs0 6h980:p00 1bj6s0:nm0 l3aq0:qe0 6j3w0:nm0 d2g40:qe0 6u7w0:nm0 b5xg0:qe0 776k0:nm0 biw40:qe0 776k0:nm0 biw40:qe0 776k0:nm0 biw40:qe0 776k0:nm0 grs40:p00
Asia/Singapore Singapore|j8d -xphpwd:jg0 eeb94d:kdc 4it32o:ku0 8n3jc:p00 1v2p60:ku0
Asia/Srednekolymsk|sgs -nu1ogs:rs0 37a0os:uk0
Asia/Taipei ROC|mi0 -12mch60:m80 lsd1m0:p00 45slc0:m80 c51c0:p00 75bw0:m80 a31g0:p00 aaak0:m80 9d440:p00 7v980:m80 awo40:p00 7v980:m80 awo40:p00 7v980:m80 awo40:p00 7v980:m80 7tk40:p00 clmk0:m80 7rpg0:p00 b07w0:m80 7rpg0:p00 b07w0:m80 7rpg0:p00 9et80:m80 9eys0:p00 9et80:m80 9d440:p00 9et80:m80 9d440:p00 9et80:m80 9d440:p00 9et80:m80 cjxg0:p00 69uk0:m80 ci2s0:p00 69uk0:m80
Asia/Tashkent|ctz -nu18tz:dw0 379yxz:go0
Asia/Tbilisi|8an -nu14an:8c0 h4tjyn:b40
Asia/Tehran Iran|9iw -i18hiw:9q0
Asia/Thimbu Asia/Thimphu|glo -bojclo:fa0
Asia/Tokyo Japan|pvn -16snno0:p00 vhjeo0:rs0 6uao0:p00 afxc0:rs0 8a5c0:p00 c8qo0:rs0 6hc00:p00 c8qo0:rs0 6hc00:p00
Asia/Tomsk|fqf -q3zbqf:go0 5h7z2f:jg0
Asia/Ust-Nera|qiu -q4cl6u:m80 5hl2yu:p00
Asia/Vientiane|j00 -x568c0:jqu 2ishx6:jg0 gj25iu:m80 15ct80:p00 8so00:jg0 tmtk0:m80 470yk0:jg0
Asia/Vladivostok|of7 -oligf7:p00 3yqvf7:rs0
Asia/Yakutsk|o0y -q4cioy:m80 5hl0gy:p00
Asia/Yekaterinburg|b89 -rx5hw9:af5 1kybx4:b40 5pfyv5:dw0
Asia/Yerevan|88o -nu148o:8c0 h4tjwo:b40
Atlantic/Azores|-4r4 -18vsdww:-5aw em124w:-5k0 2bufw0:-2s0 6zxg0:-5k0 66800:-2s0 bq580:-5k0 71s40:-2s0 bq580:-5k0 71s40:-2s0 bq580:-5k0 73ms0:-2s0 bq580:-5k0 71s40:-2s0 bq580:-5k0 1b2g00:-2s0 8so00:-5k0 st1c0:-2s0 8n400:-5k0 9q000:-2s0 902o0:-5k0 a2yo0:-2s0 902o0:-5k0 a2yo0:-2s0 8n400:-5k0 st1c0:-2s0 8n400:-5k0 9d1c0:-2s0 9d1c0:-5k0 sg2o0:-2s0 9d1c0:-5k0 902o0:-2s0 9q000:-5k0 a2yo0:-2s0 8n400:-5k0 9d1c0:-2s0 9d1c0:-5k0 902o0:-2s0 9q000:-5k0 a2yo0:-2s0 b5uo0:-5k0 51hc0:-2s0 bmio0:-5k0 99c00:-2s0 9ew00:-5k0 88ao0:-2s0 25p80:0 5reo0:-2s0 3lpg0:-5k0 779c0:-2s0 1sqk0:0 6uao0:-2s0 38qs0:-5k0 6uao0:-2s0 25p80:0 6hc00:-2s0 38qs0:-5k0 6uao0:-2s0 25p80:0 6hc00:-2s0 38qs0:-5k0 8a5c0:-2s0 9d1c0:-5k0 9d9o0:-2s0 9d1c0:-5k0 9d1c0:-2s0 9d1c0:-5k0 9d1c0:-2s0 9d1c0:-5k0 9d1c0:-2s0 9d1c0:-5k0 9d1c0:-2s0 9q000:-5k0 9d1c0:-2s0 9d1c0:-5k0 9d1c0:-2s0 9d1c0:-5k0 9d1c0:-2s0 9d1c0:-5k0 9d1c0:-2s0 9d1c0:-5k0 9d1c0:-2s0 9q000:-5k0 9d1c0:-2s0 9d1c0:-5k0 9d1c0:-2s0 9d1c0:-5k0 9d1c0:-2s0 9d1c0:-5k0 9d1c0:-2s0 9d1c0:-5k0 9d1c0:-2s0 9d1c0:-5k0 9d1c0:-2s0 9q000:-5k0 9d1c0:-2s0 9d1c0:-5k0 9d1c0:-2s0 9d1c0:-5k0 9d1c0:-2s0 9d1c0:-5k0 9d1c0:-2s0
Atlantic/Bermuda|-c06 -rivvzu:-986 95jw0:-c06 a16s0:-986 7yyk0:-c06 5w74c0:-b40 69z5ru:-8c0 eefw0:-b40 7x9g0:-8c0 biqk0:-b40 6udg0:-8c0 c8nw0:-b40 6hes0:-8c0 c8nw0:-b40 st440:-8c0 64ak0:-b40 cyqs0:-8c0 5ed80:-b40 dbpg0:-8c0 5ed80:-b40 doo40:-8c0 51ek0:-b40 doo40:-8c0 51ek0:-b40 doo40:-8c0 5ed80:-b40 1xuw40:-8c0 7x3w0:-b40
Atlantic/Canary|-2uo -oytbtc:-2s0 ctvupc:0
Atlantic/Cape_Verde|-4cs -u9rbs0:-5k0 g06lc0:-2s0 1mn180:-5k0
Atlantic/Faeroe Atlantic/Faroe|-194 -wcehew:0
Atlantic/Madeira|-34o -u9rek0:-2s0 2bufw0:0 6zxg0:-2s0 66800:0 bq580:-2s0 71s40:0 bq580:-2s0 71s40:0 bq580:-2s0 73ms0:0 bq580:-2s0 71s40:0 bq580:-2s0 1b2g00:0 8so00:-2s0 st1c0:0 8n400:-2s0 9q000:0 902o0:-2s0 a2yo0:0 902o0:-2s0 a2yo0:0 8n400:-2s0 st1c0:0 8n400:-2s0 9d1c0:0 9d1c0:-2s0 sg2o0:0 9d1c0:-2s0 902o0:0 9q000:-2s0 a2yo0:0 8n400:-2s0 9d1c0:0 9d1c0:-2s0 902o0:0 9q000:-2s0 a2yo0:0 b5uo0:-2s0 51hc0:0 bmio0:-2s0 99c00:0 9ew00:-2s0 88ao0:0 25p80:2s0 5reo0:0 3lpg0:-2s0 779c0:0 1sqk0:2s0 6uao0:0 38qs0:-2s0 6uao0:0 25p80:2s0 6hc00:0 38qs0:-2s0 6uao0:0 25p80:2s0 6hc00:0 38qs0:-2s0 8a5c0:0 9d1c0:-2s0 9d9o0:0 9d1c0:-2s0 9d1c0:0 9d1c0:-2s0 9d1c0:0 9d1c0:-2s0 9d1c0:0 9d1c0:-2s0 9d1c0:0 9q000:-2s0 9d1c0:0 9d1c0:-2s0 9d1c0:0 9d1c0:-2s0 9d1c0:0 9d1c0:-2s0 9d1c0:0 9d1c0:-2s0 9d1c0:0 9q000:-2s0 9d1c0:0 9d1c0:-2s0 9d1c0:0 9d1c0:-2s0 9d1c0:0 9d1c0:-2s0 9d1c0:0 9d1c0:-2s0 9d1c0:0 9d1c0:-2s0 9d1c0:0 9q000:-2s0 9d1c0:0 9d1c0:-2s0 9d1c0:0 9d1c0:-2s0 9d1c0:0 9d1c0:-2s0 9d1c0:0
Atlantic/Reykjavik|-42o -wcwx9c:-2s0 4rpd9c:0 ci2s0:-2s0 69uk0:0 du840:-2s0 4xp80:0 du840:-2s0 p7bw0:0 4w040:-2s0 9bdzw0:0 9d6w0:-2s0 64g40:0 cyl80:-2s0 64dc0:0 clpc0:-2s0 6hc00:0 bvs00:-2s0 6uao0:0 bvs00:-2s0 6uao0:0 bvs00:-2s0 6uao0:0 c8qo0:-2s0 6hc00:0 c8qo0:-2s0 8a5c0:0 afxc0:-2s0 8a5c0:0 afxc0:-2s0 8a5c0:0 asw00:-2s0 7x6o0:0 afxc0:-2s0 8a5c0:0 asw00:-2s0 8a5c0:0 afxc0:-2s0 8a5c0:0 afxc0:-2s0 8a5c0:0 afxc0:-2s0 8a5c0:0 afxc0:-2s0 8a5c0:0 asw00:-2s0 8a5c0:0 afxc0:-2s0 8a5c0:0 afxc0:-2s0 8a5c0:0 afxc0:-2s0 8a5c0:0 afxc0:-2s0 8a5c0:0 afxc0:-2s0 8a5c0:0 asw00:-2s0 8a5c0:0 afxc0:-2s0 8a5c0:0 afxc0:-2s0 8a5c0:0 afxc0:-2s0 8a5c0:0 afxc0:-2s0 8a5c0:0 asw00:-2s0 8a5c0:0
Atlantic/South_Georgia|-6rk -15r12kg:-5k0
Atlantic/St_Helena|-120 -9wztm0:0
Atlantic/Stanley|-apo -u63pac:-b40 dbvxqc:-8c0 8zzw0:-b40 9q2s0:-8c0 8zzw0:-b40 a31g0:-8c0 8zzw0:-b40 9q2s0:-8c0 8zzw0:-b40 9q2s0:-8c0 8zzw0:-b40 9q2s0:-8c0 4xp80:-b40
Australia/ACT Australia/Canberra Australia/NSW Australia/Sydney|s04 -133j5c4:rs0 bfqds4:uk0 49pc0:rs0 cxfk00:uk0 4h400:rs0 9d1c0:uk0 9d1c0:rs0 9q000:uk0 902o0:rs0
Australia/Adelaide Australia/South|pnw -133j2zw:p00 27qdzw:qe0 97zyu0:t60 49pc0:qe0 cxfk00:t60 4h400:qe0 9d1c0:t60 9d1c0:qe0 9q000:t60 902o0:qe0
Australia/Brisbane Australia/Queensland|sc8 -1354kc8:rs0 bhbss8:uk0 49pc0:rs0 cxfk00:uk0 4h400:rs0 9d1c0:uk0 9d1c0:rs0 9q000:uk0 902o0:rs0
Australia/Broken_Hill Australia/Yancowinna|q70 -133j3j0:rs0 t9nr0:p00 1egqs0:qe0 97zyu0:t60 49pc0:qe0 cxfk00:t60 4h400:qe0 9d1c0:t60 9d1c0:qe0 9q000:t60 902o0:qe0
Australia/Currie Australia/Hobart Australia/Tasmania|ra4 -12smja4:rs0 b03ee4:uk0 902o0:rs0 b5uo0:uk0 6hc00:rs0 c8qo0:uk0 6hc00:rs0 bx2ao0:uk0 4h400:rs0 9d1c0:uk0 9d1c0:rs0 9q000:uk0 902o0:rs0 c9tk00:uk0 9d1c0:rs0 asw00:uk0 6uao0:rs0 bvs00:uk0
Australia/Darwin Australia/North|o88 -133j1k8:p00 27qck8:qe0 97zyu0:t60 49pc0:qe0 cxfk00:t60 4h400:qe0 9d1c0:t60 9d1c0:qe0 9q000:t60 902o0:qe0
Australia/Eucla|nv4 -12nxx74:ob0 b05944:r30 49pc0:ob0 cxfk00:r30 4h400:ob0 9d1c0:r30 9d1c0:ob0
Australia/LHI Australia/Lord_Howe|tgk -133j6sk:rs0
Australia/Lindeman|rl8 -1354jl8:rs0 bhbs18:uk0 49pc0:rs0 cxfk00:uk0 4h400:rs0 9d1c0:uk0 9d1c0:rs0 9q000:uk0 902o0:rs0
Australia/Melbourne Australia/Victoria|qug -133j46g:rs0 bfqcmg:uk0 49pc0:rs0 cxfk00:uk0 4h400:rs0 9d1c0:uk0 9d1c0:rs0 9q000:uk0 902o0:rs0
Australia/Perth Australia/West|lgc -12nxusc:m80 b058sc:p00 49pc0:m80 cxfk00:p00 4h400:m80 9d1c0:p00 9d1c0:m80
CET MET|2s0 -s0e080:5k0 7ves0:2s0 a4yw0:5k0 7x6o0:2s0 asw00:5k0 7x6o0:2s0 b8qdc0:5k0 1cm000:2s0 7k800:5k0 9q000:2s0 9d1c0:5k0 9d1c0:2s0 9d1c0:5k0 8l9c0:2s0
CST6CDT|-go0 -r0esg0:-dw0 ast80:-go0 7x9g0:-dw0 ast80:-go0 bmtus0:-dw0 1wd180:-go0 b9gdg0:-dw0 9cyk0:-go0 9d440:-dw0 9cyk0:-go0 9d440:-dw0 9cyk0:-go0
Chile/EasterIsland Pacific/Easter|-k94 -jhfaew:-jg0 ivmeuw:-go0 7k580:-jg0 c8tg0:-go0
EET Etc/GMT-2|5k0
EST Etc/GMT+5|-dw0
EST5EDT|-dw0 -r0ev80:-b40 ast80:-dw0 7x9g0:-b40 ast80:-dw0 bmtus0:-b40 1wd180:-dw0 b9gdg0:-b40 9cyk0:-dw0 9d440:-b40 9cyk0:-dw0 9d440:-b40 9cyk0:-dw0
Eire Europe/Dublin|-169 -rzcmlr:1lr 6uao0:0 9pytr:2s0 8c000:0 9o5c0:2s0 9ruo0:0 9b6o0:2s0 9ew00:0 9b6o0:2s0 auqo0:0 88ao0:2s0 9ew00:0 8y800:2s0 a2yo0:0 a2yo0:2s0 7k800:0 asw00:2s0 8a5c0:0 asw00:2s0 8n400:0 a2yo0:2s0 8n400:0 9q000:2s0 902o0:0 afxc0:2s0 8n400:0 a2yo0:2s0 8n400:0 9q000:2s0 902o0:0 a2yo0:2s0 8n400:0 a2yo0:2s0 8n400:0 9q000:2s0 9d1c0:0 a2yo0:2s0 8n400:0 9q000:2s0 902o0:0 a2yo0:2s0 8n400:0 a2yo0:2s0 8n400:0 9q000:2s0 902o0:0 a2yo0:2s0 b5uo0:0 51hc0:2s0 3g8800:0 8a5c0:2s0 bvs00:0 8n400:2s0 a2yo0:0 7x6o0:2s0 asw00:0 8n400:2s0 9q000:0 902o0:2s0 9q000:0 9d1c0:2s0 9q000:0 902o0:2s0 8n400:0 9q000:2s0 902o0:0 a2yo0:2s0 8n400:0 afxc0:2s0 8n400:0 9q000:2s0 902o0:0 a2yo0:2s0 8n400:0 a2yo0:2s0 8n400:0 9q000:2s0 902o0:0 902o0:2s0 b5uo0:0 7k800:2s0 b5uo0:0 7x6o0:2s0 asw00:0 7k800:2s0 b5uo0:0 7k800:2s0 b5uo0:0 7k800:2s0 b5uo0:0 7k800:2s0 bitc0:0 5reo0:2s0
Etc/GMT+1|-2s0
Etc/GMT+10 HST|-rs0
Etc/GMT+11|-uk0
Etc/GMT+12|-xc0
Etc/GMT+2|-5k0
Etc/GMT+3|-8c0
Etc/GMT+4|-b40
Etc/GMT+6|-go0
Etc/GMT+7 MST|-jg0
Etc/GMT+8|-m80
Etc/GMT+9|-p00
Etc/GMT-1|2s0
Etc/GMT-10|rs0
Etc/GMT-11|uk0
Etc/GMT-12|xc0
Etc/GMT-13|1040
Etc/GMT-14|12w0
Etc/GMT-3|8c0
Etc/GMT-4|b40
Etc/GMT-5|dw0
Etc/GMT-6|go0
Etc/GMT-7|jg0
Etc/GMT-8|m80
Etc/GMT-9|p00
Europe/Amsterdam|wk -s0dvkk:3ok 7v980:wk a51o0:3ok 7x6o0:wk a2yo0:3ok 9d1c0:wk 9q000:3ok 902o0:wk 9q000:3ok 902o0:wk 9q000:3ok 902o0:wk 9b6o0:3ok a2yo0:wk c51c0:3ok 6l1c0:wk 902o0:3ok 9q000:wk ci000:3ok 682o0:wk bgyo0:3ok 79400:wk bitc0:3ok 779c0:wk bmio0:3ok 7gio0:wk bbeo0:3ok 7eo00:wk bd9c0:3ok 7ctc0:wk bf400:3ok 7ayo0:wk bvs00:3ok 6uao0:wk bko00:3ok 7idc0:wk b9k00:3ok 7gio0:wk bbeo0:3ok 7eo00:wk bf400:3ok 7ayo0:wk btxc0:3ok 21uc0:3pc 4uaz8:xc bitc0:3pc 779c0:xc bko00:3pc 7idc0:xc bd3s0:5k0 1aarpc:2s0 7k800:5k0 9q000:2s0 9d1c0:5k0 9d1c0:2s0 9d1c0:5k0 8l9c0:2s0
Europe/Andorra|a4 -100edm4:0 nvgqy4:2s0
Europe/Astrakhan|8wc -nu2zkc:8c0 37bv8c:b40
Europe/Athens|4e4 -rvv0cg:5k0 8bjasg:8c0 2vmk0:5k0 4hiw40:8c0 16ik0:5k0 scog0:2s0 7lx40:5k0 9o2k0:2s0 9eys0:5k0 4atzw0:8c0 6djw0:5k0
Europe/Belfast Europe/London GB GB-Eire|-23 -1rprx9x:0 zqf9hx:2s0 6uao0:0 9q000:2s0 8c000:0 9o5c0:2s0 9ruo0:0 9b6o0:2s0 9ew00:0 9b6o0:2s0 auqo0:0 88ao0:2s0 9ew00:0 8y800:2s0 a2yo0:0 a2yo0:2s0 7k800:0 asw00:2s0 8a5c0:0 asw00:2s0 8n400:0 a2yo0:2s0 8n400:0 9q000:2s0 902o0:0 afxc0:2s0 8n400:0 a2yo0:2s0 8n400:0 9q000:2s0 902o0:0 a2yo0:2s0 8n400:0 a2yo0:2s0 8n400:0 9q000:2s0 9d1c0:0 a2yo0:2s0 8n400:0 9q000:2s0 902o0:0 a2yo0:2s0 8n400:0 a2yo0:2s0 8n400:0 9q000:2s0 902o0:0 a2yo0:2s0 b5uo0:0 51hc0:2s0 mbmk0:5k0 51hc0:2s0 c8qo0:5k0 6hc00:2s0 c8qo0:5k0 6uao0:2s0 bvs00:5k0 8n400:2s0 a4tc0:5k0 5clc0:2s0 4bms0:0 9q000:2s0 902o0:0 8a5c0:2s0 1frw0:5k0 64dc0:2s0 4bms0:0 6uao0:2s0 bvs00:0 7x6o0:2s0 asw00:0 8n400:2s0 9q000:0 902o0:2s0 9q000:0 9d1c0:2s0 9q000:0 902o0:2s0 8n400:0 9q000:2s0 902o0:0 a2yo0:2s0 8n400:0 afxc0:2s0 8n400:0 9q000:2s0 902o0:0 a2yo0:2s0 8n400:0 a2yo0:2s0 8n400:0 9q000:2s0 902o0:0 902o0:2s0 b5uo0:0 7k800:2s0 b5uo0:0 7x6o0:2s0 asw00:0 7k800:2s0 b5uo0:0 7k800:2s0 b5uo0:0 7k800:2s0 b5uo0:0 7k800:2s0 bitc0:0 5reo0:2s0
Europe/Belgrade Europe/Podgorica|3so -18vsmgo:2s0 twhnko:5k0 swz00:2s0 7k800:5k0 9q000:2s0 9d1c0:5k0 9d1c0:2s0 b7pc0:5k0 6qlc0:2s0
Europe/Bratislava Europe/Prague|2o8 -14u7uo8:2s0 cttug8:5k0 7ves0:2s0 a4yw0:5k0 7x6o0:2s0 asw00:5k0 7x6o0:2s0 b8qdc0:5k0 1cm000:2s0 7k800:5k0 9q000:2s0 9d1c0:5k0 9d1c0:2s0 9d1c0:5k0 9d1c0:2s0 b5uo0:5k0 7vc00:2s0 2vs40:0 4bk00:2s0 2vmk0:5k0 8n400:2s0 a2yo0:5k0 8n400:2s0 9o5c0:5k0 91xc0:2s0
Europe/Brussels|t6 -14j9c00:0 br3hc0:2s0 rrx80:5k0 7vc00:2s0 a4yw0:5k0 7x6o0:2s0 asw00:5k0 7x6o0:2s0 2wh40:0 5omo0:2s0 b5uo0:0 6uao0:2s0 cyo00:0 7ayo0:2s0 bko00:0 7rmo0:2s0 a2yo0:0 a2yo0:2s0 8n400:0 902o0:2s0 9q000:0 9d1c0:2s0 9d1c0:0 a2yo0:2s0 8n400:0 9q000:2s0 902o0:0 a2yo0:2s0 90b00:0 a2yo0:2s0 8n400:0 9q000:2s0 902o0:0 a2yo0:2s0 8n400:0 9d1c0:2s0 9d1c0:0 902o0:2s0 a2yo0:0 9d1c0:2s0 9d1c0:0 902o0:2s0 9q000:0 a2yo0:2s0 8n400:0 9d1c0:2s0 9d1c0:0 902o0:2s0 9q000:0 a2yo0:2s0 b5uo0:0 51hc0:2s0 4deo0:5k0 1a36k0:2s0 7k800:5k0 9q000:2s0 9d1c0:5k0 8l9c0:2s0 a4tc0:5k0 8l9c0:2s0 clpc0:5k0 79400:2s0
Europe/Bucharest|4u0 -k29zi0:5k0 fj8m0:8c0 6w5c0:5k0 9d1c0:8c0 9d1c0:5k0 9q000:8c0 9d1c0:5k0 9d1c0:8c0 9d1c0:5k0 9d1c0:8c0 9d1c0:5k0 9d1c0:8c0 9d1c0:5k0 9d1c0:8c0 9d1c0:5k0 9d1c0:8c0 9d1c0:5k0
Europe/Budapest|3j8 -15bee78:2s0 db0dz8:5k0 7ves0:2s0 a4yw0:5k0 7x6o0:2s0 asw00:5k0 7x6o0:2s0 auqo0:5k0 7vc00:2s0 afxc0:5k0 8n400:2s0 aq1x00:5k0 thcc0:2s0 7k800:5k0 9q000:2s0 9d1c0:5k0 9d1c0:2s0 awd00:5k0 9eys0:2s0 7pxk0:5k0 9rrw0:2s0 9b9g0:5k0 9d1c0:2s0 9d1c0:5k0 9d1c0:2s0 9q000:5k0 902o0:2s0 2f4vs0:5k0 6u7w0:2s0 bw0c0:5k0 6uao0:2s0 clpc0:5k0 64dc0:2s0 clpc0:5k0 64dc0:2s0
Europe/Busingen Europe/Zurich|1kw -1os49kw:1dm lc05ja:2s0 ohmxdm:5k0 7x6o0:2s0 asw00:5k0 7x6o0:2s0
Europe/Chisinau Europe/Tiraspol|5c8 -1ayy808:5bo jw96ok:4u0 70f1to:5k0 fj8m0:8c0 6w5c0:5k0 9d1c0:8c0 9d1c0:5k0 9q000:8c0 9d1c0:5k0 9d1c0:8c0 9d1c0:5k0 9d1c0:8c0 9d1c0:5k0 9d1c0:8c0 9d1c0:5k0 9d1c0:8c0 9d1c0:5k0 9d1c0:8c0 9d1c0:5k0 geqo0:8c0 ha580:5k0 oc8g0:2s0 7k800:5k0 9q000:2s0 9d1c0:5k0 7cl00:8c0
Europe/Copenhagen|2bw -13nvrnw:2s0 bo7orw:5k0 75bw0:2s0 cbs2w0:5k0 1aco80:2s0 7k800:5k0 9q000:2s0 9d1c0:5k0 9d1c0:2s0 9d1c0:5k0 6y000:2s0 dbmo0:5k0 6bs00:2s0 clpc0:5k0 51hc0:2s0 e1k00:5k0 4oio0:2s0
Europe/Gibraltar|-zo -1anxr0c:0 iol38c:2s0 6uao0:0 9q000:2s0 8c000:0 9o5c0:2s0 9ruo0:0 9b6o0:2s0 9ew00:0 9b6o0:2s0 auqo0:0 88ao0:2s0 9ew00:0 8y800:2s0 a2yo0:0 a2yo0:2s0 7k800:0 asw00:2s0 8a5c0:0 asw00:2s0 8n400:0 a2yo0:2s0 8n400:0 9q000:2s0 902o0:0 afxc0:2s0 8n400:0 a2yo0:2s0 8n400:0 9q000:2s0 902o0:0 a2yo0:2s0 8n400:0 a2yo0:2s0 8n400:0 9q000:2s0 9d1c0:0 a2yo0:2s0 8n400:0 9q000:2s0 902o0:0 a2yo0:2s0 8n400:0 a2yo0:2s0 8n400:0 9q000:2s0 902o0:0 a2yo0:2s0 b5uo0:0 51hc0:2s0 mbmk0:5k0 51hc0:2s0 c8qo0:5k0 6hc00:2s0 c8qo0:5k0 6uao0:2s0 bvs00:5k0 8n400:2s0 a4tc0:5k0 5clc0:2s0 4bms0:0 9q000:2s0 902o0:0 8a5c0:2s0 1frw0:5k0 64dc0:2s0 4bms0:0 6uao0:2s0 bvs00:0 7x6o0:2s0 asw00:0 8n400:2s0 9q000:0 902o0:2s0 9q000:0 9d1c0:2s0 9q000:0 902o0:2s0 8n400:0 9q000:2s0 902o0:0 a2yo0:2s0 8n400:0 afxc0:2s0 8n400:0 9q000:2s0
Europe/Guernsey|-gx -tiakv3:0 1ixx33:2s0 6uao0:0 9q000:2s0 8c000:0 9o5c0:2s0 9ruo0:0 9b6o0:2s0 9ew00:0 9b6o0:2s0 auqo0:0 88ao0:2s0 9ew00:0 8y800:2s0 a2yo0:0 a2yo0:2s0 7k800:0 asw00:2s0 8a5c0:0 asw00:2s0 8n400:0 a2yo0:2s0 8n400:0 9q000:2s0 902o0:0 afxc0:2s0 8n400:0 a2yo0:2s0 8n400:0 9q000:2s0 902o0:0 a2yo0:2s0 8n400:0 a2yo0:2s0 8n400:0 9q000:2s0 9d1c0:0 a2yo0:2s0 8n400:0 9q000:2s0 902o0:0 a2yo0:2s0 8n400:0 a2yo0:2s0 8n400:0 9q000:2s0 902o0:0 a2yo0:2s0 b5uo0:0 51hc0:2s0 6kt00:5k0 17vs80:2s0 7k800:5k0 9q000:2s0 9d1c0:5k0 9d1c0:2s0 9d1c0:5k0 5clc0:2s0 4bms0:0 9q000:2s0 902o0:0 8a5c0:2s0 1frw0:5k0 64dc0:2s0 4bms0:0 6uao0:2s0 bvs00:0 7x6o0:2s0 asw00:0 8n400:2s0 9q000:0 902o0:2s0 9q000:0 9d1c0:2s0 9q000:0 902o0:2s0 8n400:0 9q000:2s0 902o0:0 a2yo0:2s0 8n400:0 afxc0:2s0 8n400:0 9q000:2s0 902o0:0 a2yo0:2s0 8n400:0 a2yo0:2s0 8n400:0 9q000:2s0 902o0:0 902o0:2s0 b5uo0:0 7k800:2s0 b5uo0:0 7x6o0:2s0 asw00:0 7k800:2s0 b5uo0:0 7k800:2s0 b5uo0:0 7k800:2s0 b5uo0:0 7k800:2s0 bitc0:0 5reo0:2s0
Europe/Helsinki Europe/Mariehamn|4md -peghyd:5k0 ax3tqd:8c0 9gqo0:5k0
Europe/Isle_of_Man|-tv -19a1gi5:0 haosq5:2s0 6uao0:0 9q000:2s0 8c000:0 9o5c0:2s0 9ruo0:0 9b6o0:2s0 9ew00:0 9b6o0:2s0 auqo0:0 88ao0:2s0 9ew00:0 8y800:2s0 a2yo0:0 a2yo0:2s0 7k800:0 asw00:2s0 8a5c0:0 asw00:2s0 8n400:0 a2yo0:2s0 8n400:0 9q000:2s0 902o0:0 afxc0:2s0 8n400:0 a2yo0:2s0 8n400:0 9q000:2s0 902o0:0 a2yo0:2s0 8n400:0 a2yo0:2s0 8n400:0 9q000:2s0 9d1c0:0 a2yo0:2s0 8n400:0 9q000:2s0 902o0:0 a2yo0:2s0 8n400:0 a2yo0:2s0 8n400:0 9q000:2s0 902o0:0 a2yo0:2s0 b5uo0:0 51hc0:2s0 mbmk0:5k0 51hc0:2s0 c8qo0:5k0 6hc00:2s0 c8qo0:5k0 6uao0:2s0 bvs00:5k0 8n400:2s0 a4tc0:5k0 5clc0:2s0 4bms0:0 9q000:2s0 902o0:0 8a5c0:2s0 1frw0:5k0 64dc0:2s0 4bms0:0 6uao0:2s0 bvs00:0 7x6o0:2s0 asw00:0 8n400:2s0 9q000:0 902o0:2s0 9q000:0 9d1c0:2s0 9q000:0 902o0:2s0 8n400:0 9q000:2s0 902o0:0 a2yo0:2s0 8n400:0 afxc0:2s0 8n400:0 9q000:2s0 902o0:0 a2yo0:2s0 8n400:0 a2yo0:2s0 8n400:0 9q000:2s0 902o0:0 902o0:2s0 b5uo0:0 7k800:2s0 b5uo0:0 7x6o0:2s0 asw00:0 7k800:2s0 b5uo0:0 7k800:2s0 b5uo0:0 7k800:2s0 b5uo0:0 7k800:2s0 bitc0:0 5reo0:2s0
Europe/Jersey|-e2 -11cerk0:0 9d23s0:2s0 6uao0:0 9q000:2s0 8c000:0 9o5c0:2s0 9ruo0:0 9b6o0:2s0 9ew00:0 9b6o0:2s0 auqo0:0 88ao0:2s0 9ew00:0 8y800:2s0 a2yo0:0 a2yo0:2s0 7k800:0 asw00:2s0 8a5c0:0 asw00:2s0 8n400:0 a2yo0:2s0 8n400:0 9q000:2s0 902o0:0 afxc0:2s0 8n400:0 a2yo0:2s0 8n400:0 9q000:2s0 902o0:0 a2yo0:2s0 8n400:0 a2yo0:2s0 8n400:0 9q000:2s0 9d1c0:0 a2yo0:2s0 8n400:0 9q000:2s0 902o0:0 a2yo0:2s0 8n400:0 a2yo0:2s0 8n400:0 9q000:2s0 902o0:0 a2yo0:2s0 b5uo0:0 51hc0:2s0 6kt00:5k0 17vs80:2s0 7k800:5k0 9q000:2s0 9d1c0:5k0 9d1c0:2s0 9d1c0:5k0 5clc0:2s0 4bms0:0 9q000:2s0 902o0:0 8a5c0:2s0 1frw0:5k0 64dc0:2s0 4bms0:0 6uao0:2s0 bvs00:0 7x6o0:2s0 asw00:0 8n400:2s0 9q000:0 902o0:2s0 9q000:0 9d1c0:2s0 9q000:0 902o0:2s0 8n400:0 9q000:2s0 902o0:0 a2yo0:2s0 8n400:0 afxc0:2s0 8n400:0 9q000:2s0 902o0:0 a2yo0:2s0 8n400:0 a2yo0:2s0 8n400:0 9q000:2s0 902o0:0 902o0:2s0 b5uo0:0 7k800:2s0 b5uo0:0 7x6o0:2s0 asw00:0 7k800:2s0 b5uo0:0 7k800:2s0 b5uo0:0 7k800:2s0 b5uo0:0 7k800:2s0 bitc0:0 5reo0:2s0
Europe/Kaliningrad|3so -14212go:2s0 c1n28o:5k0 7ves0:2s0 a4yw0:5k0 7x6o0:2s0 asw00:5k0 7x6o0:2s0 b8qdc0:5k0 1cm000:2s0 7k800:5k0 9q000:2s0 9d1c0:5k0 9d1c0:2s0 9d1c0:5k0 1dro0:8c0 9kd80:5k0 82tg0:8c0
Europe/Kiev Europe/Kyiv Europe/Uzhgorod Europe/Zaporozhye|5ng -nu11ng:5k0 37a03g:8c0 5vd6k0:5k0 kzv40:2s0 7k800:5k0 9q000:2s0 1oyg0:8c0
Europe/Kirov|97c -qcx400:8c0 5q5zo0:b40
Europe/Lisbon Portugal|-1p9 -u9rhc0:0 2bufw0:2s0 6zxg0:0 66800:2s0 bq580:0 71s40:2s0 bq580:0 71s40:2s0 bq580:0 73ms0:2s0 bq580:0 71s40:2s0 bq580:0 1b2g00:2s0 8so00:0 st1c0:2s0 8n400:0 9q000:2s0 902o0:0 a2yo0:2s0 902o0:0 a2yo0:2s0 8n400:0 st1c0:2s0 8n400:0 9d1c0:2s0 9d1c0:0 sg2o0:2s0 9d1c0:0 902o0:2s0 9q000:0 a2yo0:2s0 8n400:0 9d1c0:2s0 9d1c0:0 902o0:2s0 9q000:0 a2yo0:2s0 b5uo0:0 51hc0:2s0 bmio0:0 99c00:2s0 9ew00:0 88ao0:2s0 25p80:5k0 5reo0:2s0 3lpg0:0 779c0:2s0 1sqk0:5k0 6uao0:2s0 38qs0:0 6uao0:2s0 25p80:5k0 6hc00:2s0 38qs0:0 6uao0:2s0 25p80:5k0 6hc00:2s0 38qs0:0 8a5c0:2s0 9d1c0:0 9d9o0:2s0 9d1c0:0 9d1c0:2s0 9d1c0:0 9d1c0:2s0 9d1c0:0 9d1c0:2s0 9d1c0:0 9d1c0:2s0 9q000:0 9d1c0:2s0 9d1c0:0 9d1c0:2s0 9d1c0:0 9d1c0:2s0 9d1c0:0 9d1c0:2s0 9d1c0:0 9d1c0:2s0 9q000:0 9d1c0:2s0 9d1c0:0 9d1c0:2s0 9d1c0:0 9d1c0:2s0 9d1c0:0 9d1c0:2s0 9d1c0:0 9d1c0:2s0 9d1c0:0 9d1c0:2s0 9q000:0 9d1c0:2s0 9d1c0:0 9d1c0:2s0 9d1c0:0 9d1c0:2s0 9d1c0:0 9d1c0:2s0
Europe/Ljubljana|2os -18vslcs:2s0 twhmgs:5k0 swz00:2s0 7k800:5k0 9q000:2s0 9d1c0:5k0 9d1c0:2s0 9d1c0:5k0 8l9c0:2s0
Europe/Luxembourg|150 -y89550:2s0 68l290:5k0 75hg0:2s0 ast80:5k0 796s0:2s0 at1k0:5k0 7x6o0:2s0 3lh40:0 4zmo0:2s0 b6300:0 6u2c0:2s0 cytk0:0 7at40:2s0 bktk0:0 7rh40:2s0 a31g0:0 a2vw0:2s0 8n9k0:0 8zx40:2s0 9q2s0:0 9et80:2s0 9b9g0:0 a2vw0:2s0 8n6s0:0 9px80:2s0 905g0:0 a2vw0:2s0 905g0:0 a2vw0:2s0 8ncc0:0 9q000:2s0 902o0:0 a2yo0:2s0 8n400:0 9d1c0:2s0 9d1c0:0 902o0:2s0 a2yo0:0 9d1c0:2s0 9d1c0:0 902o0:2s0 9q000:0 a2yo0:2s0 8n400:0 9d1c0:2s0 9d1c0:0 902o0:2s0 9q000:0 a2yo0:2s0 b5uo0:0 51hc0:2s0 42ao0:5k0 1aeak0:2s0 7k800:5k0 9q000:2s0 9d1c0:5k0 8n400:2s0 a2yo0:5k0 8l9c0:2s0 clpc0:5k0 79400:2s0
Europe/Madrid|-ok -100edc0:0 90sik0:2s0 8yas0:0 9cyk0:2s0 9eys0:0 2d2vw0:2s0 8sqs0:0 ssyk0:2s0 8n6s0:0 9px80:2s0 905g0:0 a2yo0:2s0 902o0:0 a2vw0:2s0 8n6s0:0 40lh80:2s0 5k2s0:0 9cyk0:2s0 1frw0:5k0 7z1c0:2s0 j1c80:0 8a2k0:2s0 13yt80:5k0 685g0:2s0 brzw0:5k0 8n6s0:2s0 a2vw0:5k0 8n6s0:2s0 a2vw0:5k0 8n6s0:2s0 a2vw0:5k0 8n6s0:2s0 1clx80:5k0 7x9g0:2s0
Europe/Malta|2os -13qyw0s:2s0 bsbx8s:5k0 64ak0:2s0 9d440:5k0 9et80:2s0 88dg0:5k0 aunw0:2s0 7ig40:5k0 b5rw0:2s0 8n6s0:5k0 9cyk0:2s0 aau2s0:5k0 18r9k0:2s0 7k800:5k0 9q000:2s0 9b6o0:5k0 8n400:2s0 a4tc0:5k0 8j940:2s0 9f1k0:5k0 afxc0:2s0 89zs0:5k0 afxc0:2s0 7kdk0:5k0 b5uo0:2s0 979rs0:5k0 6h980:2s0 cls40:5k0 64dc0:2s0 clpc0:5k0 64dc0:2s0 cyo00:5k0 64dc0:2s0
Europe/Minsk|53s -1ayy7rs:53c n4x6og:5k0 379zjc:8c0 5r1mk0:5k0 pbf40:2s0 7k800:5k0 9q000:2s0 9d1c0:5k0 4oac0:8c0
Europe/Monaco|1d8 -14hnyp8:fl 9tlnln:0 2pzpnl:2s0 5luo0:0 8y800:2s0 a4tc0:0 7vc00:2s0 auqo0:0 7idc0:2s0 b7pc0:0 6sg00:2s0 cyo00:0 7ayo0:2s0 bko00:0 7rmo0:2s0 a2yo0:0 bvs00:2s0 6uao0:0 902o0:2s0 9q000:0 9d1c0:2s0 9d1c0:0 a2yo0:2s0 8n400:0 9q000:2s0 902o0:0 a2yo0:2s0 902o0:0 a2yo0:2s0 8n400:0 9q000:2s0 902o0:0 a2yo0:2s0 8n400:0 9d1c0:2s0 9d1c0:0 902o0:2s0 a2yo0:0 9d1c0:2s0 9d1c0:0 902o0:2s0 9q000:0 a2yo0:2s0 8n400:0 9d1c0:2s0 9d1c0:0 902o0:2s0 9q000:0 a2yo0:2s0 b5uo0:0 51po0:2s0 mdbo0:5k0 7x3w0:2s0 7x9g0:5k0 c8w80:2s0 7k800:5k0 9q000:2s0 9d1c0:5k0 9nzs0:2s0 922w0:5k0 8l9c0:2s0
Europe/Moscow W-SU|6yh -rx5dmh:707 ipzua:9s7 97hc0:707 7yyk0:ck7 5i840:9s7 d9p80:ck7 1jwk7:b40 2cvk0:8c0 s8o00:b40 1qvw0:dw0 8fpc0:b40 1jms0:8c0 is040:5k0 412as0:8c0
Europe/Oslo|1zo -1353tzo:2s0 b5svbo:5k0 6qfs0:2s0 cgcqo0:5k0 15tsc0:2s0 7k800:5k0 9q000:2s0 9d1c0:5k0 9d1c0:2s0 9d1c0:5k0 9d1c0:2s0 70q5c0:5k0 9q000:2s0 9d1c0:5k0 9d1c0:2s0 9d1c0:5k0 9d1c0:2s0 9d1c0:5k0 9d1c0:2s0 9d1c0:5k0 9d1c0:2s0 9d1c0:5k0 9q000:2s0 b5uo0:5k0 7k800:2s0
Europe/Paris|fl -uozn3l:0 2qx1nl:2s0 5luo0:0 8y800:2s0 a4tc0:0 7vc00:2s0 auqo0:0 7idc0:2s0 b7pc0:0 6sg00:2s0 cyo00:0 7ayo0:2s0 bko00:0 7rmo0:2s0 a2yo0:0 bvs00:2s0 6uao0:0 902o0:2s0 9q000:0 9d1c0:2s0 9d1c0:0 a2yo0:2s0 8n400:0 9q000:2s0 902o0:0 a2yo0:2s0 902o0:0 a2yo0:2s0 8n400:0 9q000:2s0 902o0:0 a2yo0:2s0 8n400:0 9d1c0:2s0 9d1c0:0 902o0:2s0 a2yo0:0 9d1c0:2s0 9d1c0:0 902o0:2s0 9q000:0 a2yo0:2s0 8n400:0 9d1c0:2s0 9d1c0:0 902o0:2s0 9q000:0 a2yo0:2s0 b5uo0:0 51po0:2s0 5p8w0:5k0 18rcc0:2s0 7k800:5k0 9q000:2s0 9d1c0:5k0 9nzs0:2s0 922w0:5k0 8l9c0:2s0
Europe/Riga|4gy -qznlky:78y 7x6o0:4gy a4tc0:78y 2mg00:4gy 3myns0:5k0 7fhlky:8c0 gz180:5k0 p5v40:2s0 7k800:5k0 9q000:2s0 9d1c0:5k0 9d1c0:2s0 k7s0:8c0
Europe/Rome Europe/San_Marino Europe/Vatican|2b8 -13r0qs0:2s0 bsds00:5k0 64ak0:2s0 9d440:5k0 9et80:2s0 88dg0:5k0 aunw0:2s0 7ig40:5k0 b5rw0:2s0 8n6s0:5k0 9cyk0:2s0 aau2s0:5k0 18r9k0:2s0 7k800:5k0 9q000:2s0 9d1c0:5k0 8l9c0:2s0 a4tc0:5k0 8j940:2s0 9f1k0:5k0 afxc0:2s0 89zs0:5k0 afxc0:2s0 7kdk0:5k0 b5uo0:2s0 979rs0:5k0 6h980:2s0 cls40:5k0 64dc0:2s0 clpc0:5k0 64dc0:2s0 cyo00:5k0 64dc0:2s0
Europe/Samara|99w -qcx400:8c0 5q5zo0:b40
Europe/Sarajevo|3es -18vsm2s:2s0 twhn6s:5k0 swz00:2s0 7k800:5k0 9q000:2s0 9d1c0:5k0 9d1c0:2s0 9d1c0:5k0 8l9c0:2s0
Europe/Saratov|8j6 -qcx400:8c0 5q5zo0:b40
Europe/Simferopol|6bc -1ayy8zc:6ao n4x6oo:5k0 37a0qo:8c0 5xiyk0:5k0 iu340:2s0 7k800:5k0 9q000:2s0 9d1c0:5k0 iac0:8c0
Europe/Skopje|3yw -18vsmmw:2s0 twhnqw:5k0 swz00:2s0 7k800:5k0 9q000:2s0 9d1c0:5k0 9d1c0:2s0 9d1c0:5k0 8l9c0:2s0
Europe/Sofia|4bg -1ayy6zg:5ew 7s708k:5k0 p0d6uw:2s0 7k800:5k0 9q000:2s0 9d1c0:5k0 9d1c0:2s0 9d440:5k0
Europe/Stockholm|3cc -1bhq3cc:2se ayjpvy:2s0 8jiake:5k0 75hg0:2s0
Europe/Tallinn|4l0 -r3exx0:2s0 3re10:5k0 7x6o0:2s0 et6g0:4l0 ygov0:5k0 a1zgd0:8c0 ktx80:5k0 l94g0:2s0 7k800:5k0 9q000:2s0 9d1c0:5k0 8uac0:8c0
Europe/Tirane|3o8 -t85vo8:2s0 dt2gw8:5k0 18pew0:2s0 7k800:5k0 m800:2s0
Europe/Ulyanovsk|8yo -qcx400:8c0 5q5zo0:b40
Europe/Vaduz|1rg -13g44fg:2s0 ohmxrg:5k0 7x6o0:2s0 asw00:5k0 7x6o0:2s0
Europe/Vienna|30x -14211ox:2s0 c1n1gx:5k0 7ves0:2s0 a4yw0:5k0 7x6o0:2s0 asw00:5k0 7x6o0:2s0 t6000:5k0 8a5c0:2s0 a7a800:5k0 1cm000:2s0 7k800:5k0 9q000:2s0 9d1c0:5k0 9d1c0:2s0 9d1c0:5k0 iio0:2s0 ivmo0:5k0 91xc0:2s0 9b6o0:5k0 9d1c0:2s0 a2yo0:5k0 8n400:2s0
Europe/Vilnius|4os -1ayy7cs:3w0 jb5y4s:4fc 1g224o:2s0 e75nc:5k0 4kqk0:2s0 acbs40:8c0 gpp40:5k0 pits0:2s0 7k800:5k0 9q000:2s0 9d1c0:5k0 65zo0:8c0
Europe/Volgograd|884 -q3cw84:8c0 5glrw4:b40
Europe/Warsaw Poland|3w0 -se9yk0:2s0 dvyc0:5k0 7ves0:2s0 a4yw0:5k0 7x6o0:2s0 asw00:5k0 iruk0:8c0 7x6o0:5k0 1evbs0:2s0 9fcwc0:5k0 18cao0:2s0 7k800:5k0 9q000:2s0 9d1c0:5k0 9gnw0:2s0 an980:5k0 9kd80:2s0 8fs40:5k0 922w0:2s0 ar1c0:5k0 7x6o0:2s0 a2yo0:5k0 8n400:2s0 9q000:5k0 902o0:2s0 4013w0:5k0 64dc0:2s0 9d1c0:5k0 9d1c0:2s0 clpc0:5k0 6hc00:2s0 9d1c0:5k0 9d1c0:2s0 c8qo0:5k0 6hc00:2s0 c8qo0:5k0 6hc00:2s0 c8qo0:5k0 6hc00:2s0 clpc0:5k0 64dc0:2s0
Europe/Zagreb|2yg -18vslmg:2s0 twhmqg:5k0 swz00:2s0 7k800:5k0 9q000:2s0 9d1c0:5k0 9d1c0:2s0 9d1c0:5k0 8l9c0:2s0
Indian/Antananarivo|8ss -uj8gss:8c0 m9lccs:b40 4oio0:8c0
Indian/Chagos|des -wvpc2s:dw0
Indian/Christmas|jks -133iwws:jg0
Indian/Cocos|hy4 -10j6sm4:i20
Indian/Comoro|80g -uj8g0g:8c0
Indian/Kerguelen|0 -afrs00:dw0
Indian/Mahe|a9o -wvp8xo:b40
Indian/Maldives|dm0 -57x6y0:dw0
Indian/Mauritius|anc -wvp9bc:b40
Indian/Mayotte|8dk -uj8gdk:8c0
Indian/Reunion|a9s -uks29s:b40
Kwajalein Pacific/Kwajalein|uzk -100f8bk:uk0 ise0fk:rs0 27sas0:p00 1hjus0:uk0 ddxug0:-xc0
MST7MDT|-jg0 -r0epo0:-go0 ast80:-jg0 7x9g0:-go0 ast80:-jg0 bmtus0:-go0 1wd180:-jg0 b9gdg0:-go0 9cyk0:-jg0 9d440:-go0 9cyk0:-jg0 9d440:-go0 9cyk0:-jg0
NZ-CHAT Pacific/Chatham|xz0 -1gsp0n0:y10 149qqm0:zf0
PST8PDT|-m80 -r0emw0:-jg0 ast80:-m80 7x9g0:-jg0 ast80:-m80 bmtus0:-jg0 1wd180:-m80 b9gdg0:-jg0 9cyk0:-m80 9d440:-jg0 9cyk0:-m80 9d440:-jg0 9cyk0:-m80
Pacific/Apia|yv4 -14fxxj4:-vsw 9nfeo0:-vy0 kcrmt4:-uk0
Pacific/Bougainville|st4 -1ayyvh4:r8w 7tuc88:rs0 osc24w:p00 1n05g0:rs0
Pacific/Chuuk|-12k4 -1t8j2rw:s3w t83xc0:rs0 76a5nw:p00 29hes0:rs0 bkenw0:p00 29fk40:rs0
Pacific/Efate|v64 -u964i4:uk0
Pacific/Enderbury Pacific/Kanton|0 -gvk800:-xc0
Pacific/Fakaofo|-vpk -100dhmg:-uk0
Pacific/Fiji|x4w -sa2x4w:xc0
Pacific/Funafuti|x6s -100fais:xc0
Pacific/Galapagos|-glc -kcr62o:-dw0
Pacific/Gambier|-ozo -tvndoc:-p00
Pacific/Guadalcanal Pacific/Ponape|tmc -tvowac:uk0
Pacific/Guam|-13v0 -1t8j1h0:qt0 t83xc0:rs0 ld6pp0:p00 1dl9g0:rs0 7s1k40:uk0 txp80:rs0 3frms0:uk0 qdrpo:rs0 7kgac:uk0 3ljw0:rs0
Pacific/Honolulu Pacific/Johnston US/Hawaii|-t8e -12lnw3m:-t60 jgnatm:-qe0 13l00:-t60 4jvb00:-qe0 1wd180:-t60 votg0:-rs0
Pacific/Kiritimati|-t4w -100dk74:-tmo
Pacific/Kosrae|-10hg -1t8j4uk:u6k t83xc0:uk0 76a4yk:p00 29hhk0:uk0 9cmd40:rs0 27sas0:p00 29fk40:uk0 cm2540:xc0
Pacific/Majuro|vpc -100f91c:uk0 76a6hc:p00 29hhk0:uk0 9cmd40:rs0 27sas0:p00 1h6w40:uk0 deat40:xc0
Pacific/Marquesas|-pu0 -tvncu0:-qe0
Pacific/Midway|-wug -100dghk:-uk0 sx94dk:-rs0 4ofw0:-uk0
Pacific/Nauru|uws -pjxiws:vy0 ba66ys:p00 1kwca0:vy0
Pacific/Niue|-vgs -8zbv78:-vhc 63yiok:-uk0
Pacific/Norfolk|v3s -100f8fs:v40 q3eins:vy0
Pacific/Noumea|uto -u9645o:uk0
Pacific/Pago_Pago Pacific/Samoa US/Samoa|z20 -14fxxq0:-vm0 9nfeo0:-uk0
Pacific/Palau|-15rg -1t8izkk:owk t83xc0:p00
Pacific/Pitcairn|-o38 -100dp8s:-nm0
Pacific/Pohnpei|-11d8 -1t8j3ys:tas t83xc0:uk0 76a42s:p00 29hhk0:uk0 9cmd40:rs0 27sas0:p00 29fk40:uk0
Pacific/Port_Moresby Pacific/Truk Pacific/Yap|r94 -1ayytx4:r8w 7tuao8:rs0
Pacific/Rarotonga|112w -10jifqw:-tl4 rk6io0:-t60
Pacific/Saipan|-13oc -1t8j1no:qzo t83xc0:p00 mpn8no:rs0 7t6as0:uk0 txp80:rs0 3frms0:uk0 qdrpo:rs0 7kgac:uk0 3ljw0:rs0
Pacific/Tahiti|-rp4 -tvnayw:-rs0
Pacific/Tarawa|w1g -100f9dg:xc0
Pacific/Tongatapu|y80 -corjk0:y9c 7znjyo:1040
Pacific/Wake|uus -100f86s:xc0
Pacific/Wallis|y1k -100fbdk:xc0
`;
