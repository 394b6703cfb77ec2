package coach.kam.retrieval;

import java.util.HashMap;
import java.util.Map;

/**
 * Traditional Chinese characters mapped to their simplified forms before a question is analysed.
 * The knowledge base is written in simplified characters, so "客戶畫像" must become "客户画像" for
 * word segmentation, BM25 and the embedding model to see the words they know. The table holds the
 * characters of everyday and business writing (about 952); one-to-many cases whose simplified
 * reading depends on the word (著, 乾, 藉) are left alone.
 */
public final class ChineseScript {
    private static final String TRADITIONAL = "們這個麼說對會來時為價貴錢買賣戶業績畫資訊評處異議聯劃計訪準備樣問題開關發現實際產務經銷場線級類觀點讓給還沒與從當過後裡裏頭號種幾單據營運動態應該認識談話請謝讀寫書長門間體係團隊積極決權將層東車軍馬鳥魚見覺親規視記設許論證試詢誰調諮護變貨質負責費賬帳購贏敗減幣預額領導總監濟構機檢標術條裝則創辦勞區華協參報塊壓壞夠夢奮寶專屬幫廠廣張強徑復徵戰擁擇擔擴攜敵數斷於暫歡歲歷歸氣況淨淺測滿漲灣無熱爭獎獨獲環盡確礎禮稱穩競筆節範簡紀約純紙細終組結絕統維網綜緊練續習聽腦臺興舉舊藝蘭衛補製複訂訴診詞語誤課諾貝財貢販貼賓賺賽趕趨跡蹤輕較載輔輸轉農進達違遠適選遺邊鄉醫釋針鋪錯錄鍵鎖鏈閉閱陣陸陳險隨隱雙雜雞離難電靈響頁項順須頻願顧顯風飯飲館驗髮鬆麵黃齊龍愛慮慣懷戲擬掃換撥擺攤啟啓喚嗎噸圍園圖堅傳債傷儀億優儲兒兩內冊凍劑勁勵勢匯卻厲雖雲聲職膽蘇藥衝襪謀講豐贈贊軟輪辭遲鄰鐘鐵銀錶閒閑陽隻頓颱飛養餘騙驚鬧魯麗黨齡喫誌週彙擊夥殺煩燈爺牆狀獅瑪畢療盤睏礙祕稅窮築簽糧緒緣縣縮織繼罰羅聖膚臉艱藍虧蟲衆眾覽訓託詳誠誇諒豬貓賀賴賠趙踐躍軌輩辯連遊鄭醬釐鈔鉛銳鋼鍋鎮鏡鑑鑒閃闆闊階隸靜韓頂頸顆颳飽餅餓駕騎驅髒鬥鮮鴨鹽麥黴齒龜溝滅漢潔潤濃灑災爐爛燒獻畝瘋癥盜瞭矯碼磚礦禍穀窩竊籃籤紅紋納紐紗絲綁綠綫緩編緯縫繩繪繳纖罷羨聞肅腳膠艦莊萬葉蓋蔥薦蘋虛蝦蠟襯覓觸討訟註詩諸謂謊謎譜譯讚貧貪貫貿賊賦賭軸輛輝輯轄轟邁遞遷邏郵醜鈴鉤銅鋒鋁錦鍊鍛鏟鑰閣閥闖陰霧韻頃頌頒頗顏顛顫颶飄飼飾餃餵饅驕骯鬍鬱鳳鴻鵝鶴齋並侖倉倆側偉偵傑傘僅僑儘償兇剛剝劍劉勝厭吳員喪嚴囑國圓壟壺壽夾奪婦媽嬰孫學寧寬審尋屆島峽師帶幹庫廳廢彈彎徹恆悅惡惱慶憂憑憶懇懶戀挾捨掛採揀揚損搖搶摟撐撫擋擠擾攔攝敘斂斬暈暢曆曉棄棟楊榮槍樂樓樞橋檔櫃欄歐殘毀湯滬滯漁潛澤濕濱烏煙燦爾牽犧猶獄獸瑣疊盧睜矚祿竄篤籌糾紛紮絆綱縱繞繫聰膩臟艙蘆蟻襲訝誕謙謹豈豎賢踴遙遜釣鈍闡韋飢騰龐傢蓮燭瀾禦滙俠壇壩嶺廟廂廈彌悶愴慘慚憐憤懸懼懲戔戧敍斃晝曬朧棧欖殲氈氫沖淚涼淪滾潑澀濁瀉燙牘犢獵玀瑤甌癢皚盞眥礪禿稈穎窯竅筧箏簀糞紓紳紹絞絨綢綻緝緞緬縛縝繃繕纏罵羥聳脅脛脹腎膃臍艷芻莖蒼蓽蕩藹蘊虜蠅蠶衊襖覲訛訥詛詠諧諫謁謠譏譽讒讖貸賃賑賤贍躊軋輓轍辮迴遼釀鈣鉅銜鋤錐鍾鎔鐲閨闈陝隕雛霽靄頰頹顎颼饒駁駐駭騷驟鬢魷鯉鱷鷹黷齪";
    private static final String SIMPLIFIED = "们这个么说对会来时为价贵钱买卖户业绩画资讯评处异议联划计访准备样问题开关发现实际产务经销场线级类观点让给还没与从当过后里里头号种几单据营运动态应该认识谈话请谢读写书长门间体系团队积极决权将层东车军马鸟鱼见觉亲规视记设许论证试询谁调咨护变货质负责费账账购赢败减币预额领导总监济构机检标术条装则创办劳区华协参报块压坏够梦奋宝专属帮厂广张强径复征战拥择担扩携敌数断于暂欢岁历归气况净浅测满涨湾无热争奖独获环尽确础礼称稳竞笔节范简纪约纯纸细终组结绝统维网综紧练续习听脑台兴举旧艺兰卫补制复订诉诊词语误课诺贝财贡贩贴宾赚赛赶趋迹踪轻较载辅输转农进达违远适选遗边乡医释针铺错录键锁链闭阅阵陆陈险随隐双杂鸡离难电灵响页项顺须频愿顾显风饭饮馆验发松面黄齐龙爱虑惯怀戏拟扫换拨摆摊启启唤吗吨围园图坚传债伤仪亿优储儿两内册冻剂劲励势汇却厉虽云声职胆苏药冲袜谋讲丰赠赞软轮辞迟邻钟铁银表闲闲阳只顿台飞养余骗惊闹鲁丽党龄吃志周汇击伙杀烦灯爷墙状狮玛毕疗盘困碍秘税穷筑签粮绪缘县缩织继罚罗圣肤脸艰蓝亏虫众众览训托详诚夸谅猪猫贺赖赔赵践跃轨辈辩连游郑酱厘钞铅锐钢锅镇镜鉴鉴闪板阔阶隶静韩顶颈颗刮饱饼饿驾骑驱脏斗鲜鸭盐麦霉齿龟沟灭汉洁润浓洒灾炉烂烧献亩疯症盗了矫码砖矿祸谷窝窃篮签红纹纳纽纱丝绑绿线缓编纬缝绳绘缴纤罢羡闻肃脚胶舰庄万叶盖葱荐苹虚虾蜡衬觅触讨讼注诗诸谓谎谜谱译赞贫贪贯贸贼赋赌轴辆辉辑辖轰迈递迁逻邮丑铃钩铜锋铝锦炼锻铲钥阁阀闯阴雾韵顷颂颁颇颜颠颤飓飘饲饰饺喂馒骄肮胡郁凤鸿鹅鹤斋并仑仓俩侧伟侦杰伞仅侨尽偿凶刚剥剑刘胜厌吴员丧严嘱国圆垄壶寿夹夺妇妈婴孙学宁宽审寻届岛峡师带干库厅废弹弯彻恒悦恶恼庆忧凭忆恳懒恋挟舍挂采拣扬损摇抢搂撑抚挡挤扰拦摄叙敛斩晕畅历晓弃栋杨荣枪乐楼枢桥档柜栏欧残毁汤沪滞渔潜泽湿滨乌烟灿尔牵牺犹狱兽琐叠卢睁瞩禄窜笃筹纠纷扎绊纲纵绕系聪腻脏舱芦蚁袭讶诞谦谨岂竖贤踊遥逊钓钝阐韦饥腾庞家莲烛澜御汇侠坛坝岭庙厢厦弥闷怆惨惭怜愤悬惧惩戋戗叙毙昼晒胧栈榄歼毡氢冲泪凉沦滚泼涩浊泻烫牍犊猎猡瑶瓯痒皑盏眦砺秃秆颖窑窍笕筝箦粪纾绅绍绞绒绸绽缉缎缅缚缜绷缮缠骂羟耸胁胫胀肾腽脐艳刍茎苍荜荡蔼蕴虏蝇蚕蔑袄觐讹讷诅咏谐谏谒谣讥誉谗谶贷赁赈贱赡踌轧挽辙辫回辽酿钙钜衔锄锥钟熔镯闺闱陕陨雏霁霭颊颓颚飕饶驳驻骇骚骤鬓鱿鲤鳄鹰黩龊";
    private static final Map<Character, Character> TO_SIMPLIFIED = new HashMap<>();

    static {
        for (int i = 0; i < TRADITIONAL.length(); i++) {
            TO_SIMPLIFIED.put(TRADITIONAL.charAt(i), SIMPLIFIED.charAt(i));
        }
    }

    private ChineseScript() {
    }

    /** {@code text} with traditional characters replaced by simplified ones; other text unchanged. */
    public static String simplified(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            Character s = TO_SIMPLIFIED.get(text.charAt(i));
            if (s != null) {
                if (out == null) {
                    out = new StringBuilder(text);
                }
                out.setCharAt(i, s);
            }
        }
        return out == null ? text : out.toString();
    }
}
