// Generated from schemas/github/action-v1.0.json (@actions/workflow-parser 0.3.61, copied 2026-11-22) by TableGenerator — do not edit.
// Regenerate: mvn -B -q -pl linter test -Dtest=GeneratedTablesTest -Dtables.update=true
package dev.pipewright.lint.data;

/** GitHub's action.yml schema definitions in a compact line format read by {@code Schema}. */
public final class ActionSchemaTable {
    private ActionSchemaTable() {}

    /** Definitions: name, kind, allowed contexts, payload; tab separated. */
    public static final String[] DEFINITIONS = {
        "action-root\tmapping\t\tname=string,description=string,inputs=inputs,outputs=outputs,runs=runs;non-empty-string;any",
        "action-root-strict\tmapping\t\tname=non-empty-string!,description=string!,author=string,inputs=inputs-strict,outputs=outputs,runs=runs-strict!,branding=branding;;",
        "inputs\tmapping\t\t;non-empty-string;input",
        "inputs-strict\tmapping\t\t;non-empty-string;input-strict",
        "input\tmapping\t\tdefault=input-default-context;non-empty-string;any",
        "input-strict\tmapping\t\tdescription=string,required=boolean,default=input-default-context,deprecationMessage=string;non-empty-string;any",
        "input-default-context\tstring\tgithub,strategy,matrix,job,runner,hashFiles(1,255)\t",
        "outputs\tmapping\t\t;non-empty-string;output-definition",
        "output-definition\tmapping\t\tdescription=string,value=output-value;;",
        "output-value\tstring\tgithub,strategy,matrix,steps,inputs,job,runner,env\t",
        "runs-if\tstring\trunner,github,job,strategy,matrix,env,inputs,always(0,0),success(0,0),failure(0,0),cancelled(0,0),hashFiles(1,255)\t",
        "runs\tone-of\t\tcontainer-runs,node-runs,composite-runs,plugin-runs",
        "runs-strict\tone-of\t\tcontainer-runs-strict,node-runs-strict,composite-runs-strict",
        "plugin-runs\tmapping\t\tplugin=non-empty-string;;",
        "container-runs\tmapping\t\tusing=non-empty-string,image=non-empty-string,entrypoint=non-empty-string,args=container-runs-args,env=container-runs-env,pre-entrypoint=non-empty-string,pre-if=non-empty-string,post-entrypoint=non-empty-string,post-if=non-empty-string;;",
        "container-runs-args\tsequence\t\tcontainer-runs-context",
        "container-runs-env\tmapping\tinputs\t;non-empty-string;string",
        "container-runs-context\tstring\tinputs\t",
        "node-runs\tmapping\t\tusing=non-empty-string,main=non-empty-string,pre=non-empty-string,pre-if=non-empty-string,post=non-empty-string,post-if=non-empty-string;;",
        "composite-runs\tmapping\t\tusing=non-empty-string,steps=composite-steps;;",
        "container-runs-strict\tmapping\t\tusing=using!,image=non-empty-string!,entrypoint=non-empty-string,args=container-runs-args,env=container-runs-env,pre-entrypoint=non-empty-string,pre-if=runs-if,post-entrypoint=non-empty-string,post-if=runs-if;;",
        "node-runs-strict\tmapping\t\tusing=using!,main=non-empty-string!,pre=non-empty-string,pre-if=runs-if,post=non-empty-string,post-if=runs-if;;",
        "composite-runs-strict\tmapping\t\tusing=using!,steps=composite-steps!;;",
        "composite-steps\tsequence\t\tcomposite-step",
        "composite-step\tone-of\t\trun-step,uses-step",
        "run-step\tmapping\t\tname=string-steps-context,id=non-empty-string,if=step-if,run=string-steps-context!,shell=string-steps-context!,env=step-env,continue-on-error=boolean-steps-context,working-directory=string-steps-context;;",
        "uses-step\tmapping\t\tname=string-steps-context,id=non-empty-string,if=step-if,uses=non-empty-string!,with=step-with,env=step-env,continue-on-error=boolean-steps-context;;",
        "string-steps-context\tstring\tgithub,inputs,strategy,matrix,steps,job,runner,env,hashFiles(1,255)\t",
        "boolean-steps-context\tboolean\tgithub,inputs,strategy,matrix,steps,job,runner,env,hashFiles(1,255)\t",
        "step-env\tmapping\tgithub,inputs,strategy,matrix,steps,job,runner,env,hashFiles(1,255)\t;non-empty-string;string",
        "step-if\tstring\tgithub,inputs,strategy,matrix,steps,job,runner,env,always(0,0),failure(0,0),cancelled(0,0),success(0,0),hashFiles(1,255)\t",
        "step-with\tmapping\tgithub,inputs,strategy,matrix,steps,job,runner,env,hashFiles(1,255)\t;non-empty-string;string",
        "branding\tmapping\t\ticon=branding-icon,color=branding-color;;",
        "branding-icon\tallowed\t\tactivity,airplay,alert-circle,alert-octagon,alert-triangle,align-center,align-justify,align-left,align-right,anchor,aperture,archive,arrow-down-circle,arrow-down-left,arrow-down-right,arrow-down,arrow-left-circle,arrow-left,arrow-right-circle,arrow-right,arrow-up-circle,arrow-up-left,arrow-up-right,arrow-up,at-sign,award,bar-chart-2,bar-chart,battery-charging,battery,bell-off,bell,bluetooth,bold,book-open,book,bookmark,box,briefcase,calendar,camera-off,camera,cast,check-circle,check-square,check,chevron-down,chevron-left,chevron-right,chevron-up,chevrons-down,chevrons-left,chevrons-right,chevrons-up,circle,clipboard,clock,cloud-drizzle,cloud-lightning,cloud-off,cloud-rain,cloud-snow,cloud,code,command,compass,copy,corner-down-left,corner-down-right,corner-left-down,corner-left-up,corner-right-down,corner-right-up,corner-up-left,corner-up-right,cpu,credit-card,crop,crosshair,database,delete,disc,dollar-sign,download-cloud,download,droplet,edit-2,edit-3,edit,external-link,eye-off,eye,fast-forward,feather,file-minus,file-plus,file-text,file,film,filter,flag,folder-minus,folder-plus,folder,gift,git-branch,git-commit,git-merge,git-pull-request,globe,grid,hard-drive,hash,headphones,heart,help-circle,home,image,inbox,info,italic,layers,layout,life-buoy,link-2,link,list,loader,lock,log-in,log-out,mail,map-pin,map,maximize-2,maximize,menu,message-circle,message-square,mic-off,mic,minimize-2,minimize,minus-circle,minus-square,minus,monitor,moon,more-horizontal,more-vertical,move,music,navigation-2,navigation,octagon,package,paperclip,pause-circle,pause,percent,phone-call,phone-forwarded,phone-incoming,phone-missed,phone-off,phone-outgoing,phone,pie-chart,play-circle,play,plus-circle,plus-square,plus,pocket,power,printer,radio,refresh-ccw,refresh-cw,repeat,rewind,rotate-ccw,rotate-cw,rss,save,scissors,search,send,server,settings,share-2,share,shield-off,shield,shopping-bag,shopping-cart,shuffle,sidebar,skip-back,skip-forward,slash,sliders,smartphone,speaker,square,star,stop-circle,sun,sunrise,sunset,tablet,tag,target,terminal,thermometer,thumbs-down,thumbs-up,toggle-left,toggle-right,trash-2,trash,trending-down,trending-up,triangle,truck,tv,type,umbrella,underline,unlock,upload-cloud,upload,user-check,user-minus,user-plus,user-x,user,users,video-off,video,voicemail,volume-1,volume-2,volume-x,volume,watch,wifi-off,wifi,wind,x-circle,x-square,x,zap-off,zap,zoom-in,zoom-out",
        "branding-color\tallowed\t\twhite,yellow,blue,green,orange,red,purple,gray-dark",
        "using\tallowed\t\tdocker,node12,node16,node20,node24,composite",
        "non-empty-string\tstring\t\tnonempty",
    };
}
