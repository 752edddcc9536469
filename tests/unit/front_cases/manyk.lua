local t = {}
t.k0 = t.k0 or 0.5
t.k1 = t.k1 or 1.5
t.k2 = t.k2 or 2.5
t.k3 = t.k3 or 3.5
t.k4 = t.k4 or 4.5
t.k5 = t.k5 or 5.5
t.k6 = t.k6 or 6.5
t.k7 = t.k7 or 7.5
t.k8 = t.k8 or 8.5
t.k9 = t.k9 or 9.5
t.k10 = t.k10 or 10.5
t.k11 = t.k11 or 11.5
t.k12 = t.k12 or 12.5
t.k13 = t.k13 or 13.5
t.k14 = t.k14 or 14.5
t.k15 = t.k15 or 15.5
t.k16 = t.k16 or 16.5
t.k17 = t.k17 or 17.5
t.k18 = t.k18 or 18.5
t.k19 = t.k19 or 19.5
t.k20 = t.k20 or 20.5
t.k21 = t.k21 or 21.5
t.k22 = t.k22 or 22.5
t.k23 = t.k23 or 23.5
t.k24 = t.k24 or 24.5
t.k25 = t.k25 or 25.5
t.k26 = t.k26 or 26.5
t.k27 = t.k27 or 27.5
t.k28 = t.k28 or 28.5
t.k29 = t.k29 or 29.5
t.k30 = t.k30 or 30.5
t.k31 = t.k31 or 31.5
t.k32 = t.k32 or 32.5
t.k33 = t.k33 or 33.5
t.k34 = t.k34 or 34.5
t.k35 = t.k35 or 35.5
t.k36 = t.k36 or 36.5
t.k37 = t.k37 or 37.5
t.k38 = t.k38 or 38.5
t.k39 = t.k39 or 39.5
t.k40 = t.k40 or 40.5
t.k41 = t.k41 or 41.5
t.k42 = t.k42 or 42.5
t.k43 = t.k43 or 43.5
t.k44 = t.k44 or 44.5
t.k45 = t.k45 or 45.5
t.k46 = t.k46 or 46.5
t.k47 = t.k47 or 47.5
t.k48 = t.k48 or 48.5
t.k49 = t.k49 or 49.5
t.k50 = t.k50 or 50.5
t.k51 = t.k51 or 51.5
t.k52 = t.k52 or 52.5
t.k53 = t.k53 or 53.5
t.k54 = t.k54 or 54.5
t.k55 = t.k55 or 55.5
t.k56 = t.k56 or 56.5
t.k57 = t.k57 or 57.5
t.k58 = t.k58 or 58.5
t.k59 = t.k59 or 59.5
t.k60 = t.k60 or 60.5
t.k61 = t.k61 or 61.5
t.k62 = t.k62 or 62.5
t.k63 = t.k63 or 63.5
t.k64 = t.k64 or 64.5
t.k65 = t.k65 or 65.5
t.k66 = t.k66 or 66.5
t.k67 = t.k67 or 67.5
t.k68 = t.k68 or 68.5
t.k69 = t.k69 or 69.5
t.k70 = t.k70 or 70.5
t.k71 = t.k71 or 71.5
t.k72 = t.k72 or 72.5
t.k73 = t.k73 or 73.5
t.k74 = t.k74 or 74.5
t.k75 = t.k75 or 75.5
t.k76 = t.k76 or 76.5
t.k77 = t.k77 or 77.5
t.k78 = t.k78 or 78.5
t.k79 = t.k79 or 79.5
t.k80 = t.k80 or 80.5
t.k81 = t.k81 or 81.5
t.k82 = t.k82 or 82.5
t.k83 = t.k83 or 83.5
t.k84 = t.k84 or 84.5
t.k85 = t.k85 or 85.5
t.k86 = t.k86 or 86.5
t.k87 = t.k87 or 87.5
t.k88 = t.k88 or 88.5
t.k89 = t.k89 or 89.5
t.k90 = t.k90 or 90.5
t.k91 = t.k91 or 91.5
t.k92 = t.k92 or 92.5
t.k93 = t.k93 or 93.5
t.k94 = t.k94 or 94.5
t.k95 = t.k95 or 95.5
t.k96 = t.k96 or 96.5
t.k97 = t.k97 or 97.5
t.k98 = t.k98 or 98.5
t.k99 = t.k99 or 99.5
t.k100 = t.k100 or 100.5
t.k101 = t.k101 or 101.5
t.k102 = t.k102 or 102.5
t.k103 = t.k103 or 103.5
t.k104 = t.k104 or 104.5
t.k105 = t.k105 or 105.5
t.k106 = t.k106 or 106.5
t.k107 = t.k107 or 107.5
t.k108 = t.k108 or 108.5
t.k109 = t.k109 or 109.5
t.k110 = t.k110 or 110.5
t.k111 = t.k111 or 111.5
t.k112 = t.k112 or 112.5
t.k113 = t.k113 or 113.5
t.k114 = t.k114 or 114.5
t.k115 = t.k115 or 115.5
t.k116 = t.k116 or 116.5
t.k117 = t.k117 or 117.5
t.k118 = t.k118 or 118.5
t.k119 = t.k119 or 119.5
t.k120 = t.k120 or 120.5
t.k121 = t.k121 or 121.5
t.k122 = t.k122 or 122.5
t.k123 = t.k123 or 123.5
t.k124 = t.k124 or 124.5
t.k125 = t.k125 or 125.5
t.k126 = t.k126 or 126.5
t.k127 = t.k127 or 127.5
t.k128 = t.k128 or 128.5
t.k129 = t.k129 or 129.5
t.k130 = t.k130 or 130.5
t.k131 = t.k131 or 131.5
t.k132 = t.k132 or 132.5
t.k133 = t.k133 or 133.5
t.k134 = t.k134 or 134.5
t.k135 = t.k135 or 135.5
t.k136 = t.k136 or 136.5
t.k137 = t.k137 or 137.5
t.k138 = t.k138 or 138.5
t.k139 = t.k139 or 139.5
t.k140 = t.k140 or 140.5
t.k141 = t.k141 or 141.5
t.k142 = t.k142 or 142.5
t.k143 = t.k143 or 143.5
t.k144 = t.k144 or 144.5
t.k145 = t.k145 or 145.5
t.k146 = t.k146 or 146.5
t.k147 = t.k147 or 147.5
t.k148 = t.k148 or 148.5
t.k149 = t.k149 or 149.5
t.k150 = t.k150 or 150.5
t.k151 = t.k151 or 151.5
t.k152 = t.k152 or 152.5
t.k153 = t.k153 or 153.5
t.k154 = t.k154 or 154.5
t.k155 = t.k155 or 155.5
t.k156 = t.k156 or 156.5
t.k157 = t.k157 or 157.5
t.k158 = t.k158 or 158.5
t.k159 = t.k159 or 159.5
t.k160 = t.k160 or 160.5
t.k161 = t.k161 or 161.5
t.k162 = t.k162 or 162.5
t.k163 = t.k163 or 163.5
t.k164 = t.k164 or 164.5
t.k165 = t.k165 or 165.5
t.k166 = t.k166 or 166.5
t.k167 = t.k167 or 167.5
t.k168 = t.k168 or 168.5
t.k169 = t.k169 or 169.5
t.k170 = t.k170 or 170.5
t.k171 = t.k171 or 171.5
t.k172 = t.k172 or 172.5
t.k173 = t.k173 or 173.5
t.k174 = t.k174 or 174.5
t.k175 = t.k175 or 175.5
t.k176 = t.k176 or 176.5
t.k177 = t.k177 or 177.5
t.k178 = t.k178 or 178.5
t.k179 = t.k179 or 179.5
t.k180 = t.k180 or 180.5
t.k181 = t.k181 or 181.5
t.k182 = t.k182 or 182.5
t.k183 = t.k183 or 183.5
t.k184 = t.k184 or 184.5
t.k185 = t.k185 or 185.5
t.k186 = t.k186 or 186.5
t.k187 = t.k187 or 187.5
t.k188 = t.k188 or 188.5
t.k189 = t.k189 or 189.5
t.k190 = t.k190 or 190.5
t.k191 = t.k191 or 191.5
t.k192 = t.k192 or 192.5
t.k193 = t.k193 or 193.5
t.k194 = t.k194 or 194.5
t.k195 = t.k195 or 195.5
t.k196 = t.k196 or 196.5
t.k197 = t.k197 or 197.5
t.k198 = t.k198 or 198.5
t.k199 = t.k199 or 199.5
t.k200 = t.k200 or 200.5
t.k201 = t.k201 or 201.5
t.k202 = t.k202 or 202.5
t.k203 = t.k203 or 203.5
t.k204 = t.k204 or 204.5
t.k205 = t.k205 or 205.5
t.k206 = t.k206 or 206.5
t.k207 = t.k207 or 207.5
t.k208 = t.k208 or 208.5
t.k209 = t.k209 or 209.5
t.k210 = t.k210 or 210.5
t.k211 = t.k211 or 211.5
t.k212 = t.k212 or 212.5
t.k213 = t.k213 or 213.5
t.k214 = t.k214 or 214.5
t.k215 = t.k215 or 215.5
t.k216 = t.k216 or 216.5
t.k217 = t.k217 or 217.5
t.k218 = t.k218 or 218.5
t.k219 = t.k219 or 219.5
t.k220 = t.k220 or 220.5
t.k221 = t.k221 or 221.5
t.k222 = t.k222 or 222.5
t.k223 = t.k223 or 223.5
t.k224 = t.k224 or 224.5
t.k225 = t.k225 or 225.5
t.k226 = t.k226 or 226.5
t.k227 = t.k227 or 227.5
t.k228 = t.k228 or 228.5
t.k229 = t.k229 or 229.5
t.k230 = t.k230 or 230.5
t.k231 = t.k231 or 231.5
t.k232 = t.k232 or 232.5
t.k233 = t.k233 or 233.5
t.k234 = t.k234 or 234.5
t.k235 = t.k235 or 235.5
t.k236 = t.k236 or 236.5
t.k237 = t.k237 or 237.5
t.k238 = t.k238 or 238.5
t.k239 = t.k239 or 239.5
t.k240 = t.k240 or 240.5
t.k241 = t.k241 or 241.5
t.k242 = t.k242 or 242.5
t.k243 = t.k243 or 243.5
t.k244 = t.k244 or 244.5
t.k245 = t.k245 or 245.5
t.k246 = t.k246 or 246.5
t.k247 = t.k247 or 247.5
t.k248 = t.k248 or 248.5
t.k249 = t.k249 or 249.5
t.k250 = t.k250 or 250.5
t.k251 = t.k251 or 251.5
t.k252 = t.k252 or 252.5
t.k253 = t.k253 or 253.5
t.k254 = t.k254 or 254.5
t.k255 = t.k255 or 255.5
t.k256 = t.k256 or 256.5
t.k257 = t.k257 or 257.5
t.k258 = t.k258 or 258.5
t.k259 = t.k259 or 259.5
t.k260 = t.k260 or 260.5
t.k261 = t.k261 or 261.5
t.k262 = t.k262 or 262.5
t.k263 = t.k263 or 263.5
t.k264 = t.k264 or 264.5
t.k265 = t.k265 or 265.5
t.k266 = t.k266 or 266.5
t.k267 = t.k267 or 267.5
t.k268 = t.k268 or 268.5
t.k269 = t.k269 or 269.5
t.k270 = t.k270 or 270.5
t.k271 = t.k271 or 271.5
t.k272 = t.k272 or 272.5
t.k273 = t.k273 or 273.5
t.k274 = t.k274 or 274.5
t.k275 = t.k275 or 275.5
t.k276 = t.k276 or 276.5
t.k277 = t.k277 or 277.5
t.k278 = t.k278 or 278.5
t.k279 = t.k279 or 279.5
t.k280 = t.k280 or 280.5
t.k281 = t.k281 or 281.5
t.k282 = t.k282 or 282.5
t.k283 = t.k283 or 283.5
t.k284 = t.k284 or 284.5
t.k285 = t.k285 or 285.5
t.k286 = t.k286 or 286.5
t.k287 = t.k287 or 287.5
t.k288 = t.k288 or 288.5
t.k289 = t.k289 or 289.5
t.k290 = t.k290 or 290.5
t.k291 = t.k291 or 291.5
t.k292 = t.k292 or 292.5
t.k293 = t.k293 or 293.5
t.k294 = t.k294 or 294.5
t.k295 = t.k295 or 295.5
t.k296 = t.k296 or 296.5
t.k297 = t.k297 or 297.5
t.k298 = t.k298 or 298.5
t.k299 = t.k299 or 299.5
local x = t.k299 + 1








































































































































































































x = x + 2






































































x = x - 2
x = x + 1

































































































































+ 2
return x
